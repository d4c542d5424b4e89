import { issueCertificate, latestCertificate } from "#app/certificates/certificates.server.ts";
import type { CatalogCourse } from "#app/courses/catalog.server.ts";
import { completedBy } from "#app/courses/completion.ts";
import { answerKey, gradeQuiz, type QuizAnswers, type QuizResult } from "#app/courses/quiz.ts";
import { attemptRefusal, mayShowAnswers, quizStanding, type QuizRefusal } from "#app/courses/quiz-policy.ts";
import { endingOfPath } from "#app/courses/scenario.ts";
import type { DbTx } from "#app/db.server.ts";
import { courseProgress, type CourseProgress } from "./progress.server.ts";
import { countsInRound } from "./refresh.server.ts";

/**
 * Writing the enrollment row, even to the value it has, locks it until commit: one learner's steps in
 * a course take turns. PostgreSQL reads committed rows only, so two last steps running side by side
 * would otherwise each miss the other's row and neither would complete the course.
 */
function enroll(tx: DbTx, userId: string, course: CatalogCourse) {
  return tx.enrollment.upsert({
    where: { userId_courseId: { userId, courseId: course.id } },
    create: { userId, courseId: course.id, courseVersion: course.version },
    update: { userId },
    select: { id: true },
  });
}

/**
 * The latest in-person class of the course she attended that counts for the current round, where the course's
 * rule lets attendance complete it: read on the write path only, so the lesson page's one query stays as it is.
 * A round due for re-certification counts classes held since the version requiring it.
 */
async function attendedClass(tx: DbTx, userId: string, course: CatalogCourse, due: boolean) {
  if (course.rule.attendance !== "completes") return null;
  const counts = countsInRound(due, course.recertification);
  const attended = await tx.classAttendance.findMany({
    where: { userId, session: { courseId: course.id } },
    orderBy: { session: { heldOn: "desc" } },
    select: { session: { select: { id: true, heldOn: true } } },
  });
  return attended.map((a) => a.session).find((s) => counts(s.heldOn)) ?? null;
}

/**
 * Decides completion in the same transaction as the step that may complete the course. A course
 * due for re-certification completes again, on the current version, once its rule is met anew.
 */
async function settleCompletion(tx: DbTx, userId: string, course: CatalogCourse) {
  const progress = await courseProgress(tx, userId, course);
  if (progress.completedAt && !progress.needsRefresh) return progress;
  const inClass = await attendedClass(tx, userId, course, progress.needsRefresh);
  const by = completedBy(course.rule, {
    doneLessonIds: new Set(progress.doneLessonIds),
    bestQuizScore: progress.bestScore,
    endedScenarioIds: new Set(progress.endedScenarioIds),
    attendedClass: inClass !== null,
  });
  if (!by) return progress;
  const completedAt = new Date();
  // Claim the completion only if nobody else did meanwhile, so two steps finishing at once never
  // issue two certificates. (enroll() already makes such transactions take turns; this keeps it true
  // if that query ever changes.)
  const claimed = await tx.enrollment.updateMany({
    where: { userId, courseId: course.id, completedAt: progress.completedAt },
    data: { completedAt, courseVersion: course.version },
  });
  if (claimed.count === 0) return courseProgress(tx, userId, course);
  await issueCertificate(tx, { userId, course, classSessionId: by === "class" ? inClass!.id : null });
  return { ...progress, completedAt, needsRefresh: false };
}

/**
 * After a class she attended was recorded: completes the course (certificate marked as earned in person) where
 * its rule says attending does. Where attendance is only recorded, nothing is enrolled or changed.
 */
export async function settleAttendance(tx: DbTx, userId: string, course: CatalogCourse) {
  if (course.rule.attendance !== "completes") return null;
  await enroll(tx, userId, course);
  return settleCompletion(tx, userId, course);
}

/**
 * A class was changed or deleted and may no longer hold her completion: the certificates it granted her are withdrawn,
 * and where her current completion was one of them the course is decided again by the one rule (her own steps, or
 * another class that counts, may still complete it; a new certificate then says how). Called after the change, in
 * its transaction; answers the codes withdrawn. The subtree tallies follow the enrollment by trigger (ADR 017).
 */
export async function withdrawClassCompletion(tx: DbTx, userId: string, course: CatalogCourse, sessionId: string) {
  const granted = await tx.certificate.findMany({ where: { userId, courseId: course.id, classSessionId: sessionId }, select: { id: true, code: true } });
  if (granted.length === 0) return [];
  await enroll(tx, userId, course);
  const current = await latestCertificate(tx, userId, course.id);
  await tx.certificate.deleteMany({ where: { id: { in: granted.map((c) => c.id) } } });
  if (current && granted.some((c) => c.code === current.code)) {
    await tx.enrollment.update({ where: { userId_courseId: { userId, courseId: course.id } }, data: { completedAt: null } });
    await settleCompletion(tx, userId, course);
  }
  return granted.map((c) => c.code);
}

export function markLessonDone(db: DbTx, userId: string, course: CatalogCourse, lessonId: string) {
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

/**
 * Grades and records one attempt, unless the quiz's policy refuses it (no attempt left, or too soon
 * after the last): then nothing is recorded. The answer key comes back only when the policy allows.
 */
export function submitQuiz(db: DbTx, userId: string, course: CatalogCourse, answers: QuizAnswers, now = new Date()) {
  const quiz = course.quiz;
  if (!quiz) throw new Error(`Course ${course.slug} has no quiz`);
  const grade = gradeQuiz(quiz, answers, course.passMark);
  return db.$transaction(async (tx): Promise<{ refused: QuizRefusal } | { refused: null; result: QuizResult; progress: CourseProgress }> => {
    // Counted after the enrollment upsert, which queues concurrent submissions of the same learner.
    const enrollment = await enroll(tx, userId, course);
    const refused = attemptRefusal(quizStanding(quiz.policy, await courseProgress(tx, userId, course), now));
    if (refused) return { refused };
    await tx.quizAttempt.create({
      data: { enrollmentId: enrollment.id, quizId: quiz.id, answers: JSON.stringify(answers), score: grade.score, passed: grade.passed, createdAt: now },
    });
    const best = await tx.quizAttempt.aggregate({ where: { enrollmentId: enrollment.id, quizId: quiz.id }, _max: { score: true } });
    await tx.enrollment.update({ where: { id: enrollment.id }, data: { bestScore: best._max.score } });
    const progress = await settleCompletion(tx, userId, course);
    const after = quizStanding(quiz.policy, progress, now);
    const passed = progress.bestScore !== null && progress.bestScore >= course.passMark;
    const result = { ...grade, answerKey: mayShowAnswers(quiz.policy, { passed, left: after.left }) ? answerKey(quiz) : null };
    return { refused: null, result, progress };
  });
}

/** Stores a finished play-through; returns null when the path is not one the scenario allows. */
export function recordScenarioRun(db: DbTx, userId: string, course: CatalogCourse, scenarioId: string, path: string[]) {
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

export function saveResponse(db: DbTx, userId: string, course: CatalogCourse, kind: ActivityKind, activityId: string, value: string) {
  return db.$transaction(async (tx) => {
    const enrollment = await enroll(tx, userId, course);
    await tx.activityResponse.upsert({
      where: { enrollmentId_kind_activityId: { enrollmentId: enrollment.id, kind, activityId } },
      create: { enrollmentId: enrollment.id, kind, activityId, value },
      update: { value },
    });
  });
}
