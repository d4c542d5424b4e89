import type { CatalogCourse } from "#app/courses/catalog.server.ts";
import { readRows, keepPlan, type Db, type DbTx } from "#app/db.server.ts";
import { Prisma } from "#app/generated/prisma/client.ts";
import { countsInRound, isCompleted, needsRefresh } from "./refresh.server.ts";

type Reader = Db | DbTx;

export type CourseProgress = {
  enrollmentId: string | null;
  startedAt: Date | null;
  completedAt: Date | null;
  /** Completed on a version older than one marked as requiring re-certification. */
  needsRefresh: boolean;
  /** Completed and not due for re-certification (app/progress/refresh.server.ts isCompleted). */
  completed: boolean;
  /** Counts for the current round: since the re-certification version when a refresh is due. */
  doneLessonIds: string[];
  bestScore: number | null;
  attempts: number;
  lastAttemptAt: Date | null;
  endedScenarioIds: string[];
};

type ProgressRow = {
  row: "enrollment" | "lesson" | "scenario" | "attempt" | "response";
  ref: string | null;
  text: string | null;
  num: number | bigint | null;
  at: Date | string | null;
  until: Date | string | null;
};

/**
 * A learner's standing in one course, with her reflection and checklist answers keyed
 * "kind:activityId". The lesson page reads it on every request, so it is one hand-written statement
 * (plain SQL that SQLite and PostgreSQL both run): Prisma's relation loading took five statements
 * and 2.3× the time (`npm run bench`).
 */
export async function courseProgress(db: Reader, userId: string, course: Pick<CatalogCourse, "id" | "recertification">): Promise<CourseProgress & { responses: Record<string, string> }> {
  const rows = await readRows<ProgressRow>(db, Prisma.sql`
    with e as (select "id", "courseVersion", "startedAt", "completedAt" from "Enrollment" where "userId" = ${keepPlan(userId)} and "courseId" = ${keepPlan(course.id)})
    select 'enrollment' as "row", e."id" as "ref", null as "text", e."courseVersion" as "num", e."startedAt" as "at", e."completedAt" as "until" from e
    union all select 'lesson', l."lessonId", null, null, l."completedAt", null from "LessonProgress" l join e on l."enrollmentId" = e."id"
    union all select 'scenario', s."scenarioId", null, null, s."createdAt", null from "ScenarioRun" s join e on s."enrollmentId" = e."id"
    union all select 'attempt', null, null, a."score", a."createdAt", null from "QuizAttempt" a join e on a."enrollmentId" = e."id"
    union all select 'response', r."kind" || ':' || r."activityId", r."value", null, null, null from "ActivityResponse" r join e on r."enrollmentId" = e."id"`);
  const enrollment = rows.find((r) => r.row === "enrollment");
  if (!enrollment)
    return { enrollmentId: null, startedAt: null, completedAt: null, needsRefresh: false, completed: false, doneLessonIds: [], bestScore: null, attempts: 0, lastAttemptAt: null, endedScenarioIds: [], responses: {} };
  const completedAt = enrollment.until === null ? null : new Date(enrollment.until);
  const requirement = course.recertification;
  const completion = { completedAt, courseVersion: Number(enrollment.num) };
  const due = needsRefresh(completion, requirement);
  const counts = countsInRound(due, requirement);
  const current = (r: ProgressRow) => counts(new Date(r.at!));
  const of = (kind: ProgressRow["row"]) => rows.filter((r) => r.row === kind);
  const attempts = of("attempt").filter(current);
  const scores = attempts.map((r) => Number(r.num));
  const attemptTimes = attempts.map((r) => new Date(r.at!).getTime());
  return {
    enrollmentId: enrollment.ref,
    startedAt: new Date(enrollment.at!),
    completedAt,
    needsRefresh: due,
    completed: isCompleted(completion, requirement),
    doneLessonIds: of("lesson").filter(current).map((r) => r.ref!),
    bestScore: scores.length ? Math.max(...scores) : null,
    attempts: scores.length,
    lastAttemptAt: attemptTimes.length ? new Date(Math.max(...attemptTimes)) : null,
    endedScenarioIds: [...new Set(of("scenario").filter(current).map((r) => r.ref!))],
    responses: Object.fromEntries(of("response").map((r) => [r.ref!, r.text!])),
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
      const counts = countsInRound(due, requirement);
      const lessons = e.lessons.filter((l) => counts(l.completedAt));
      return [e.courseId, { completedAt: e.completedAt, needsRefresh: due, completed: isCompleted(e, requirement), doneLessonIds: lessons.map((l) => l.lessonId) }];
    }),
  );
}

/** Which of the given courses the learner has completed (for course prerequisites). */
export async function completedCourseIds(db: Db, userId: string, courseIds: string[]) {
  if (courseIds.length === 0) return new Set<string>();
  const rows = await db.enrollment.findMany({ where: { userId, courseId: { in: courseIds }, completedAt: { not: null } }, select: { courseId: true } });
  return new Set(rows.map((r) => r.courseId));
}
