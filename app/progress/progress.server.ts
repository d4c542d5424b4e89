import { issueCertificate } from "#app/certificates/certificates.server.ts";
import type { CatalogCourse } from "#app/courses/catalog.server.ts";
import { isCourseComplete } from "#app/courses/completion.ts";
import { gradeQuiz, type QuizAnswers } from "#app/courses/quiz.ts";
import { endingOfPath } from "#app/courses/scenario.ts";
import type { Db } from "#app/db.server.ts";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export type CourseProgress = {
  startedAt: Date | null;
  completedAt: Date | null;
  doneLessonIds: string[];
  bestScore: number | null;
  attempts: number;
  endedScenarioIds: string[];
};

const enrollmentSelect = {
  id: true,
  startedAt: true,
  completedAt: true,
  bestScore: true,
  lessons: { select: { lessonId: true } },
  scenarios: { select: { scenarioId: true } },
  _count: { select: { attempts: true } },
} as const;

export async function courseProgress(db: Db | Tx, userId: string, courseId: string): Promise<CourseProgress> {
  const enrollment = await db.enrollment.findUnique({ where: { userId_courseId: { userId, courseId } }, select: enrollmentSelect });
  return {
    startedAt: enrollment?.startedAt ?? null,
    completedAt: enrollment?.completedAt ?? null,
    doneLessonIds: enrollment?.lessons.map((l) => l.lessonId) ?? [],
    bestScore: enrollment?.bestScore ?? null,
    attempts: enrollment?._count.attempts ?? 0,
    endedScenarioIds: [...new Set(enrollment?.scenarios.map((s) => s.scenarioId) ?? [])],
  };
}

function enroll(tx: Tx, userId: string, course: CatalogCourse) {
  return tx.enrollment.upsert({
    where: { userId_courseId: { userId, courseId: course.id } },
    create: { userId, courseId: course.id, courseVersion: course.version },
    update: {},
    select: { id: true },
  });
}

// Completion is decided in the same transaction as the step that may complete the course.
async function settleCompletion(tx: Tx, userId: string, course: CatalogCourse) {
  const progress = await courseProgress(tx, userId, course.id);
  if (progress.completedAt) return progress;
  const complete = isCourseComplete(course.rule, {
    doneLessonIds: new Set(progress.doneLessonIds),
    bestQuizScore: progress.bestScore,
    endedScenarioIds: new Set(progress.endedScenarioIds),
  });
  if (!complete) return progress;
  const completedAt = new Date();
  await tx.enrollment.update({
    where: { userId_courseId: { userId, courseId: course.id } },
    data: { completedAt, courseVersion: course.version },
  });
  await issueCertificate(tx, { userId, course });
  return { ...progress, completedAt };
}

export function markLessonDone(db: Db, userId: string, course: CatalogCourse, lessonId: string) {
  return db.$transaction(async (tx) => {
    const enrollment = await enroll(tx, userId, course);
    await tx.lessonProgress.upsert({
      where: { enrollmentId_lessonId: { enrollmentId: enrollment.id, lessonId } },
      create: { enrollmentId: enrollment.id, lessonId },
      update: {},
    });
    return settleCompletion(tx, userId, course);
  });
}

export function submitQuiz(db: Db, userId: string, course: CatalogCourse, answers: QuizAnswers) {
  const quiz = course.quiz;
  if (!quiz) throw new Error(`Course ${course.slug} has no quiz`);
  const result = gradeQuiz(quiz, answers, course.passMark);
  return db.$transaction(async (tx) => {
    const enrollment = await enroll(tx, userId, course);
    await tx.quizAttempt.create({
      data: { enrollmentId: enrollment.id, quizId: quiz.id, answers: JSON.stringify(answers), score: result.score, passed: result.passed },
    });
    const best = await tx.quizAttempt.aggregate({ where: { enrollmentId: enrollment.id, quizId: quiz.id }, _max: { score: true } });
    await tx.enrollment.update({ where: { id: enrollment.id }, data: { bestScore: best._max.score } });
    return { result, progress: await settleCompletion(tx, userId, course) };
  });
}

/** Stores a finished play-through; returns null when the path is not one the scenario allows. */
export function recordScenarioRun(db: Db, userId: string, course: CatalogCourse, scenarioId: string, path: string[]) {
  const scenario = course.scenarios.find((s) => s.id === scenarioId);
  const ending = scenario ? endingOfPath(scenario, path) : null;
  if (!ending) return Promise.resolve(null);
  return db.$transaction(async (tx) => {
    const enrollment = await enroll(tx, userId, course);
    await tx.scenarioRun.create({ data: { enrollmentId: enrollment.id, scenarioId, path: JSON.stringify(path), ending } });
    return settleCompletion(tx, userId, course);
  });
}

/** The learner's standing in every course, for the catalog. */
export async function progressByCourse(db: Db, userId: string) {
  const enrollments = await db.enrollment.findMany({
    where: { userId },
    select: { courseId: true, completedAt: true, lessons: { select: { lessonId: true } } },
  });
  return new Map(enrollments.map((e) => [e.courseId, { completedAt: e.completedAt, doneLessonIds: e.lessons.map((l) => l.lessonId) }]));
}

export type ActivityKind = "reflection" | "checklist";

export function saveResponse(db: Db, userId: string, course: CatalogCourse, kind: ActivityKind, activityId: string, value: string) {
  return db.$transaction(async (tx) => {
    const enrollment = await enroll(tx, userId, course);
    await tx.activityResponse.upsert({
      where: { enrollmentId_kind_activityId: { enrollmentId: enrollment.id, kind, activityId } },
      create: { enrollmentId: enrollment.id, kind, activityId, value },
      update: { value },
    });
  });
}

export async function responsesFor(db: Db, userId: string, courseId: string) {
  const rows = await db.activityResponse.findMany({
    where: { enrollment: { userId, courseId } },
    select: { kind: true, activityId: true, value: true },
  });
  return Object.fromEntries(rows.map((r) => [`${r.kind}:${r.activityId}`, r.value]));
}
