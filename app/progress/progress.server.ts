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

export async function courseProgress(db: Reader, userId: string, course: Pick<CatalogCourse, "id" | "recertification">): Promise<CourseProgress> {
  const requirement = course.recertification;
  const enrollment = await db.enrollment.findUnique({
    where: { userId_courseId: { userId, courseId: course.id } },
    select: { id: true, startedAt: true, completedAt: true, courseVersion: true },
  });
  if (!enrollment)
    return { enrollmentId: null, startedAt: null, completedAt: null, needsRefresh: false, doneLessonIds: [], bestScore: null, attempts: 0, endedScenarioIds: [] };
  const due = needsRefresh(enrollment, requirement);
  const since = due ? { gte: requirement!.publishedAt } : undefined;
  const [lessons, scenarios, attempts] = await Promise.all([
    db.lessonProgress.findMany({ where: { enrollmentId: enrollment.id, completedAt: since }, select: { lessonId: true } }),
    db.scenarioRun.findMany({ where: { enrollmentId: enrollment.id, createdAt: since }, select: { scenarioId: true } }),
    db.quizAttempt.aggregate({ where: { enrollmentId: enrollment.id, createdAt: since }, _max: { score: true }, _count: { _all: true } }),
  ]);
  return {
    enrollmentId: enrollment.id,
    startedAt: enrollment.startedAt,
    completedAt: enrollment.completedAt,
    needsRefresh: due,
    doneLessonIds: lessons.map((l) => l.lessonId),
    bestScore: attempts._max.score,
    attempts: attempts._count._all,
    endedScenarioIds: [...new Set(scenarios.map((s) => s.scenarioId))],
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

export async function responsesFor(db: Db, enrollmentId: string | null) {
  if (!enrollmentId) return {};
  const rows = await db.activityResponse.findMany({
    where: { enrollmentId },
    select: { kind: true, activityId: true, value: true },
  });
  return Object.fromEntries(rows.map((r) => [`${r.kind}:${r.activityId}`, r.value]));
}

/** Which of the given courses the learner has completed (for course prerequisites). */
export async function completedCourseIds(db: Db, userId: string, courseIds: string[]) {
  if (courseIds.length === 0) return new Set<string>();
  const rows = await db.enrollment.findMany({ where: { userId, courseId: { in: courseIds }, completedAt: { not: null } }, select: { courseId: true } });
  return new Set(rows.map((r) => r.courseId));
}
