import type { Db } from "#app/db.server.ts";

/** Learners' <Reflection> answers in a course, for trainers, limited to the units the trainer serves. */
export function reflectionsFor(db: Db, courseId: string, unitPaths: string[], take = 200) {
  return db.activityResponse.findMany({
    where: {
      kind: "reflection",
      enrollment: { courseId, user: { unit: { OR: unitPaths.map((path) => ({ path: { startsWith: path } })) } } },
    },
    orderBy: { updatedAt: "desc" },
    take,
    select: {
      id: true,
      activityId: true,
      value: true,
      updatedAt: true,
      enrollment: { select: { user: { select: { name: true, unit: { select: { name: true } } } } } },
    },
  });
}
