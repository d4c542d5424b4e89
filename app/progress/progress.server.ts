import type { CatalogCourse } from "#app/courses/catalog.server.ts";
import type { Db } from "#app/db.server.ts";
import { needsRefresh } from "./refresh.ts";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
type Reader = Db | Tx;

export type CourseProgress = {
  enrollmentId: string | null;
  startedAt: Date | null;
  completedAt: Date | null;
  /** Completed on a version older than one marked as requiring re-certification. */
  needsRefresh: boolean;
  /** Counts for the current round: since the re-certification version when a refresh is due. */
  doneLessonIds: string[];
  bestScore: number | null;
  attempts: number;
  endedScenarioIds: string[];
};

const progressSelect = {
  id: true,
  startedAt: true,
  completedAt: true,
  courseVersion: true,
  lessons: { select: { lessonId: true, completedAt: true } },
  scenarios: { select: { scenarioId: true, createdAt: true } },
  attempts: { select: { score: true, createdAt: true } },
} as const;

/**
 * A learner's standing in one course, in one query (an enrollment holds a handful of rows of each
 * kind): the lesson page reads it on every request. With `responses`, also her reflection and
 * checklist answers, keyed "kind:activityId".
 */
export async function courseProgress(
  db: Reader,
  userId: string,
  course: Pick<CatalogCourse, "id" | "recertification">,
  options: { responses?: boolean } = {},
): Promise<CourseProgress & { responses: Record<string, string> }> {
  const requirement = course.recertification;
  const enrollment = await db.enrollment.findUnique({
    where: { userId_courseId: { userId, courseId: course.id } },
    select: { ...progressSelect, responses: options.responses ? { select: { kind: true, activityId: true, value: true } } : false },
  });
  if (!enrollment)
    return { enrollmentId: null, startedAt: null, completedAt: null, needsRefresh: false, doneLessonIds: [], bestScore: null, attempts: 0, endedScenarioIds: [], responses: {} };
  const due = needsRefresh(enrollment, requirement);
  // A refresh that is due counts only what was done since the version that required it.
  const current = (at: Date) => !due || at >= requirement!.publishedAt;
  const attempts = enrollment.attempts.filter((a) => current(a.createdAt));
  return {
    enrollmentId: enrollment.id,
    startedAt: enrollment.startedAt,
    completedAt: enrollment.completedAt,
    needsRefresh: due,
    doneLessonIds: enrollment.lessons.filter((l) => current(l.completedAt)).map((l) => l.lessonId),
    bestScore: attempts.length ? Math.max(...attempts.map((a) => a.score)) : null,
    attempts: attempts.length,
    endedScenarioIds: [...new Set(enrollment.scenarios.filter((s) => current(s.createdAt)).map((s) => s.scenarioId))],
    responses: Object.fromEntries((enrollment.responses ?? []).map((r) => [`${r.kind}:${r.activityId}`, r.value])),
  };
}

/** The learner's standing in every catalog course; a course due for re-certification counts the new round. */
export async function progressByCourse(db: Db, userId: string, courses: readonly Pick<CatalogCourse, "id" | "recertification">[]) {
  const enrollments = await db.enrollment.findMany({
    where: { userId },
    select: { courseId: true, completedAt: true, courseVersion: true, lessons: { select: { lessonId: true, completedAt: true } } },
  });
  const requirements = new Map(courses.map((c) => [c.id, c.recertification]));
  return new Map(
    enrollments.map((e) => {
      const requirement = requirements.get(e.courseId);
      const due = needsRefresh(e, requirement);
      const lessons = due ? e.lessons.filter((l) => l.completedAt >= requirement!.publishedAt) : e.lessons;
      return [e.courseId, { completedAt: e.completedAt, needsRefresh: due, doneLessonIds: lessons.map((l) => l.lessonId) }];
    }),
  );
}

/** Which of the given courses the learner has completed (for course prerequisites). */
export async function completedCourseIds(db: Db, userId: string, courseIds: string[]) {
  if (courseIds.length === 0) return new Set<string>();
  const rows = await db.enrollment.findMany({ where: { userId, courseId: { in: courseIds }, completedAt: { not: null } }, select: { courseId: true } });
  return new Set(rows.map((r) => r.courseId));
}
