import { issueCertificate } from "#app/certificates/certificates.server.ts";
import type { CatalogCourse } from "#app/courses/catalog.server.ts";
import { isCourseComplete } from "#app/courses/completion.ts";
import { gradeQuiz, type QuizAnswers } from "#app/courses/quiz.ts";
import { endingOfPath } from "#app/courses/scenario.ts";
import type { Db } from "#app/db.server.ts";
import { courseProgress } from "./progress.server.ts";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

function enroll(tx: Tx, userId: string, course: CatalogCourse) {
  return tx.enrollment.upsert({
    where: { userId_courseId: { userId, courseId: course.id } },
    create: { userId, courseId: course.id, courseVersion: course.version },
    update: {},
    select: { id: true },
  });
}

/**
 * Decides completion in the same transaction as the step that may complete the course. A course
 * due for re-certification completes again, on the current version, once its rule is met anew.
 */
async function settleCompletion(tx: Tx, userId: string, course: CatalogCourse) {
  const progress = await courseProgress(tx, userId, course);
  if (progress.completedAt && !progress.needsRefresh) return progress;
  const complete = isCourseComplete(course.rule, {
    doneLessonIds: new Set(progress.doneLessonIds),
    bestQuizScore: progress.bestScore,
    endedScenarioIds: new Set(progress.endedScenarioIds),
  });
  if (!complete) return progress;
  const completedAt = new Date();
  // Claim the completion only if nobody else did meanwhile, so two steps finishing at once never
  // issue two certificates. (The enrollment upsert above already queues such transactions on both
  // databases in practice; this keeps it true if that query ever changes.)
  const claimed = await tx.enrollment.updateMany({
    where: { userId, courseId: course.id, completedAt: progress.completedAt },
    data: { completedAt, courseVersion: course.version },
  });
  if (claimed.count === 0) return courseProgress(tx, userId, course);
  await issueCertificate(tx, { userId, course });
  return { ...progress, completedAt, needsRefresh: false };
}

export function markLessonDone(db: Tx, userId: string, course: CatalogCourse, lessonId: string) {
  return db.$transaction(async (tx) => {
    const enrollment = await enroll(tx, userId, course);
    // Marking again refreshes the date, which is what a re-certification round counts.
    await tx.lessonProgress.upsert({
      where: { enrollmentId_lessonId: { enrollmentId: enrollment.id, lessonId } },
      create: { enrollmentId: enrollment.id, lessonId },
      update: { completedAt: new Date() },
    });
    return settleCompletion(tx, userId, course);
  });
}

export function submitQuiz(db: Tx, userId: string, course: CatalogCourse, answers: QuizAnswers) {
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
export function recordScenarioRun(db: Tx, userId: string, course: CatalogCourse, scenarioId: string, path: string[]) {
  const scenario = course.scenarios.find((s) => s.id === scenarioId);
  const ending = scenario ? endingOfPath(scenario, path) : null;
  if (!ending) return Promise.resolve(null);
  return db.$transaction(async (tx) => {
    const enrollment = await enroll(tx, userId, course);
    await tx.scenarioRun.create({ data: { enrollmentId: enrollment.id, scenarioId, path: JSON.stringify(path), ending } });
    return settleCompletion(tx, userId, course);
  });
}

export type ActivityKind = "reflection" | "checklist";

export function saveResponse(db: Tx, userId: string, course: CatalogCourse, kind: ActivityKind, activityId: string, value: string) {
  return db.$transaction(async (tx) => {
    const enrollment = await enroll(tx, userId, course);
    await tx.activityResponse.upsert({
      where: { enrollmentId_kind_activityId: { enrollmentId: enrollment.id, kind, activityId } },
      create: { enrollmentId: enrollment.id, kind, activityId, value },
      update: { value },
    });
  });
}
