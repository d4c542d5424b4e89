import type { Catalog } from "#app/courses/catalog.server.ts";
import type { Db, DbTx } from "#app/db.server.ts";
import { inBatches } from "#app/db-batches.server.ts";
import { isCompleted } from "#app/progress/refresh.server.ts";
import type { TheoryLevel } from "#app/people/profile.ts";
import { readiness, type Readiness, type Requirement } from "./readiness.ts";
import { inForceOn, policyOn } from "#app/policy/policy.server.ts";
import { servesWholeTerm } from "./retirement-age.ts";

/** The requirements in force on a day, by "position:level". */
export async function requirementsOn(db: Db | DbTx, day: Date) {
  const rows = await db.positionRequirement.findMany({ where: inForceOn(day), orderBy: [{ kind: "asc" }, { value: "asc" }] });
  const byKey = new Map<string, Requirement[]>();
  for (const row of rows) {
    const key = `${row.position}:${row.unitLevel}`;
    const item = { kind: row.kind, value: row.value, source: row.source } as Requirement;
    byKey.set(key, [...(byKey.get(key) ?? []), item]);
  }
  return byKey;
}

/** The courses each person has completed, by the one completion rule every report uses. */
export async function completedCourses(db: Db | DbTx, userIds: readonly string[], catalog: Catalog) {
  const done = new Map<string, Set<string>>(userIds.map((id) => [id, new Set()]));
  if (userIds.length === 0) return done;
  const byId = new Map(catalog.courses.map((c) => [c.id, c]));
  const rows = await inBatches(userIds, (batch) =>
    db.enrollment.findMany({ where: { userId: { in: batch }, completedAt: { not: null } }, select: { userId: true, courseId: true, completedAt: true, courseVersion: true } }),
  );
  for (const row of rows) {
    const course = byId.get(row.courseId);
    if (course && isCompleted(row, course.recertification)) done.get(row.userId)!.add(course.slug);
  }
  return done;
}

export type PlannedCadre = {
  entryId: string;
  position: string;
  unitLevel: string;
  termEndsOn: Date;
  user: { id: string; theoryLevel: string | null; partyMember: boolean; birthDate: Date | null; birthYear: number | null; gender: string };
};

/**
 * Readiness of each planned cadre for her position, computed from her training and profile as they are now:
 * completing a course changes it in the same request that records the completion.
 */
export async function readinessOf(db: Db | DbTx, planned: readonly PlannedCadre[], day: Date, catalog: Catalog): Promise<Map<string, Readiness>> {
  const [requirements, done, fullTerm] = await Promise.all([
    requirementsOn(db, day),
    completedCourses(db, [...new Set(planned.map((p) => p.user.id))], catalog),
    policyOn(db, "planning-full-term", day),
  ]);
  return new Map(
    planned.map((p) => [
      p.entryId,
      readiness(requirements.get(`${p.position}:${p.unitLevel}`) ?? [], {
        theoryLevel: p.user.theoryLevel as TheoryLevel | null,
        partyMember: p.user.partyMember,
        completedCourses: done.get(p.user.id)!,
        agesOut: fullTerm && !servesWholeTerm(p.user, p.termEndsOn) ? { source: fullTerm.source } : null,
      }),
    ]),
  );
}
