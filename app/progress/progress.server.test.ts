import { beforeAll, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { createLearner } from "#tests/unit/people.ts";
import { completedCourseIds, courseProgress, progressByCourse } from "./progress.server.ts";

// Courses and rows written directly, so each test states the exact history it reads back.
let courseId: string;
let otherCourseId: string;
let lessonIds: string[];
const at = (day: number) => new Date(Date.UTC(2026, 0, day));
beforeAll(async () => {
  const course = (slug: string) =>
    db.course.create({
      data: {
        slug,
        title: slug,
        summary: "",
        source: "app",
        estimatedMinutes: 10,
        passMark: 80,
        contentHash: "x",
        lessons: { create: ["a", "b", "c"].map((s, position) => ({ slug: s, title: s, position, moduleTitle: "M", estimatedMinutes: 5, contentHash: s })) },
      },
      select: { id: true, lessons: { select: { id: true }, orderBy: { position: "asc" } } },
    });
  const main = await course("tien-do");
  courseId = main.id;
  lessonIds = main.lessons.map((l) => l.id);
  otherCourseId = (await course("tien-do-khac")).id;
});

async function enrol(userId: string, data: { courseVersion?: number; completedAt?: Date | null; course?: string } = {}) {
  return db.enrollment.create({
    data: { userId, courseId: data.course ?? courseId, courseVersion: data.courseVersion ?? 1, startedAt: at(1), completedAt: data.completedAt ?? null },
    select: { id: true },
  });
}

test("a learner who never opened the course has no standing in it", async () => {
  const { userId } = await createLearner(db);
  expect(await courseProgress(db, userId, { id: courseId, recertification: null })).toEqual({
    enrollmentId: null,
    startedAt: null,
    completedAt: null,
    needsRefresh: false,
    completed: false,
    doneLessonIds: [],
    bestScore: null,
    attempts: 0,
    lastAttemptAt: null,
    endedScenarioIds: [],
    responses: {},
  });
});

test("standing gathers lessons, the best and latest quiz attempt, ended scenarios once each, and answers", async () => {
  const { userId } = await createLearner(db);
  const { id: enrollmentId } = await enrol(userId);
  await db.lessonProgress.createMany({ data: [{ enrollmentId, lessonId: lessonIds[0]!, completedAt: at(2) }, { enrollmentId, lessonId: lessonIds[2]!, completedAt: at(3) }] });
  await db.quizAttempt.createMany({
    data: [
      { enrollmentId, quizId: "kt", answers: "{}", score: 40, passed: false, createdAt: at(4) },
      { enrollmentId, quizId: "kt", answers: "{}", score: 90, passed: true, createdAt: at(6) },
      { enrollmentId, quizId: "kt", answers: "{}", score: 70, passed: false, createdAt: at(5) },
    ],
  });
  await db.scenarioRun.createMany({
    data: [
      { enrollmentId, scenarioId: "tham-nha", path: "[]", ending: "tot", createdAt: at(7) },
      { enrollmentId, scenarioId: "tham-nha", path: "[]", ending: "tot", createdAt: at(8) },
      { enrollmentId, scenarioId: "hop-xom", path: "[]", ending: "tot", createdAt: at(9) },
    ],
  });
  await db.activityResponse.create({ data: { enrollmentId, kind: "reflection", activityId: "suy-ngam", value: "Lắng nghe trước" } });
  const progress = await courseProgress(db, userId, { id: courseId, recertification: null });
  expect(progress).toMatchObject({ enrollmentId, startedAt: at(1), completedAt: null, needsRefresh: false, bestScore: 90, attempts: 3, lastAttemptAt: at(6) });
  expect(progress.doneLessonIds.toSorted()).toEqual([lessonIds[0], lessonIds[2]].toSorted());
  expect(progress.endedScenarioIds.toSorted()).toEqual(["hop-xom", "tham-nha"]);
  expect(progress.responses).toEqual({ "reflection:suy-ngam": "Lắng nghe trước" });
});

test("a completion due for re-certification counts only what was done since the version requiring it", async () => {
  const { userId } = await createLearner(db);
  const { id: enrollmentId } = await enrol(userId, { courseVersion: 1, completedAt: at(5) });
  await db.lessonProgress.createMany({ data: [{ enrollmentId, lessonId: lessonIds[0]!, completedAt: at(2) }, { enrollmentId, lessonId: lessonIds[1]!, completedAt: at(12) }] });
  await db.quizAttempt.create({ data: { enrollmentId, quizId: "kt", answers: "{}", score: 100, passed: true, createdAt: at(4) } });
  await db.scenarioRun.create({ data: { enrollmentId, scenarioId: "tham-nha", path: "[]", ending: "tot", createdAt: at(3) } });
  const requirement = { version: 2, publishedAt: at(10) };

  const due = await courseProgress(db, userId, { id: courseId, recertification: requirement });
  expect(due).toMatchObject({ completedAt: at(5), needsRefresh: true, doneLessonIds: [lessonIds[1]], bestScore: null, attempts: 0, lastAttemptAt: null, endedScenarioIds: [] });
  const byCourse = await progressByCourse(db, userId, [{ id: courseId, recertification: requirement }]);
  expect(byCourse.get(courseId)).toEqual({ completedAt: at(5), needsRefresh: true, completed: false, doneLessonIds: [lessonIds[1]] });

  // Completed on the version that requires it: nothing is due and everything counts.
  await db.enrollment.update({ where: { id: enrollmentId }, data: { courseVersion: 2 } });
  const current = await courseProgress(db, userId, { id: courseId, recertification: requirement });
  expect(current).toMatchObject({ needsRefresh: false, bestScore: 100, attempts: 1, endedScenarioIds: ["tham-nha"] });
  expect(current.doneLessonIds).toHaveLength(2);
  expect((await progressByCourse(db, userId, [{ id: courseId, recertification: requirement }])).get(courseId)).toMatchObject({ completed: true, doneLessonIds: [expect.any(String), expect.any(String)] });
});

test("progress by course covers each course the learner entered, and only hers", async () => {
  const { userId } = await createLearner(db);
  const { userId: someoneElse } = await createLearner(db);
  const { id: enrollmentId } = await enrol(userId);
  await db.lessonProgress.create({ data: { enrollmentId, lessonId: lessonIds[0]!, completedAt: at(2) } });
  await enrol(someoneElse, { course: otherCourseId });
  const byCourse = await progressByCourse(db, userId, [{ id: courseId, recertification: null }, { id: otherCourseId, recertification: null }]);
  expect([...byCourse.keys()]).toEqual([courseId]);
  expect(byCourse.get(courseId)).toEqual({ completedAt: null, needsRefresh: false, completed: false, doneLessonIds: [lessonIds[0]] });
});

test("completed prerequisites are the given courses the learner finished", async () => {
  const { userId } = await createLearner(db);
  await enrol(userId, { completedAt: at(3) });
  await enrol(userId, { course: otherCourseId });
  expect(await completedCourseIds(db, userId, [courseId, otherCourseId])).toEqual(new Set([courseId]));
  expect(await completedCourseIds(db, userId, [otherCourseId])).toEqual(new Set());
  expect(await completedCourseIds(db, userId, [])).toEqual(new Set());
});
