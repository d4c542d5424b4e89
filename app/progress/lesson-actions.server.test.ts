import { beforeAll, expect, test } from "vitest";
import { buildCatalog, type CatalogCourse } from "#app/courses/catalog.server.ts";
import { db } from "#app/db.server.ts";
import { tinyCourse, writeContentRoot } from "#tests/unit/course-fixture.ts";
import { createLearner } from "#tests/unit/people.ts";
import { handleLessonAction } from "./lesson-actions.server.ts";

let course: CatalogCourse;
let oneAttempt: CatalogCourse;
let tenMinutesApart: CatalogCourse;
beforeAll(async () => {
  const catalog = await buildCatalog(
    db,
    writeContentRoot({ "khoa-hanh-dong": tinyCourse(), "khoa-mot-lan": tinyCourse("", 'attempts="1"'), "khoa-cach-quang": tinyCourse("", 'waitMinutes="10"') }),
  );
  course = catalog.bySlug.get("khoa-hanh-dong")!;
  oneAttempt = catalog.bySlug.get("khoa-mot-lan")!;
  tenMinutesApart = catalog.bySlug.get("khoa-cach-quang")!;
});

const form = (fields: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const one of [value].flat()) data.append(key, one);
  return data;
};
const quizForm = (q1: string[], q2: string[]) => form({ intent: "quiz", "q:q1": q1, "q:q2": q2 });
const quizLesson = (c: CatalogCourse) => c.lessons.find((l) => l.compiled.activities.quizzes.length > 0)!;

test("a failed attempt's action data says which questions were wrong and carries no right choice or explanation", async () => {
  const { userId } = await createLearner(db);
  const outcome = await handleLessonAction(db, userId, course, quizLesson(course), quizForm(["b"], ["a", "c"]));
  expect(outcome).toEqual({
    status: 200,
    body: { intent: "quiz", completed: false, result: { score: 50, passed: false, results: [{ questionId: "q1", correct: false }, { questionId: "q2", correct: true }], answerKey: null } },
  });
  const json = JSON.stringify(outcome.body);
  for (const leak of ["correctChoiceIds", "Một cộng một là hai", "chia hết cho hai"]) expect(json).not.toContain(leak);
});

test("a submission beyond the allowed attempts is refused with a message and records nothing", async () => {
  const { userId } = await createLearner(db);
  expect((await handleLessonAction(db, userId, oneAttempt, quizLesson(oneAttempt), quizForm(["b"], ["a"]))).status).toBe(200);
  const refused = await handleLessonAction(db, userId, oneAttempt, quizLesson(oneAttempt), quizForm(["a"], ["a", "c"]));
  expect(refused).toEqual({ status: 409, body: { intent: "quiz", error: "quiz.noAttemptsLeft", nextAttemptAt: null } });
  expect(await db.quizAttempt.count({ where: { enrollment: { userId } } })).toBe(1);
});

test("a submission before the waiting time is refused with the time it ends and records nothing", async () => {
  const { userId } = await createLearner(db);
  const before = Date.now();
  expect((await handleLessonAction(db, userId, tenMinutesApart, quizLesson(tenMinutesApart), quizForm(["b"], ["a"]))).status).toBe(200);
  const refused = await handleLessonAction(db, userId, tenMinutesApart, quizLesson(tenMinutesApart), quizForm(["a"], ["a", "c"]));
  expect(refused).toMatchObject({ status: 409, body: { intent: "quiz", error: "quiz.tooSoon" } });
  const waitEnds = Date.parse(String(refused.body.nextAttemptAt));
  expect(waitEnds - before).toBeGreaterThanOrEqual(10 * 60_000);
  expect(waitEnds - Date.now()).toBeLessThanOrEqual(10 * 60_000);
  expect(await db.quizAttempt.count({ where: { enrollment: { userId } } })).toBe(1);
});

test("a scenario is played from its own lesson only", async () => {
  const { userId } = await createLearner(db);
  const [reading, scenarioLesson] = course.lessons;
  const play = form({ intent: "scenario", scenarioId: "tham-nha", path: JSON.stringify(["cong", "lang-nghe"]) });
  expect((await handleLessonAction(db, userId, course, reading!, play)).status).toBe(400);
  expect(await db.scenarioRun.count({ where: { enrollment: { userId } } })).toBe(0);
  expect((await handleLessonAction(db, userId, course, scenarioLesson!, play)).status).toBe(200);
  expect(await db.scenarioRun.count({ where: { enrollment: { userId } } })).toBe(1);
});

test("reflections and checklists that the lesson does not have are refused", async () => {
  const { userId } = await createLearner(db);
  const outcome = await handleLessonAction(db, userId, course, course.lessons[0]!, form({ intent: "reflection", activityId: "bia-dat", value: "Rác" }));
  expect(outcome.status).toBe(400);
  expect(await db.activityResponse.count({ where: { enrollment: { userId } } })).toBe(0);
});

test("malformed input is a 400, not an exception", async () => {
  const { userId } = await createLearner(db);
  const samples: Record<string, string>[] = [{}, { intent: "bay" }, { intent: "scenario", scenarioId: "tham-nha", path: "{khong-phai-json" }, { intent: "checklist", activityId: "x", step: "1," }];
  for (const fields of samples)
    expect((await handleLessonAction(db, userId, course, course.lessons[1]!, form(fields))).status).toBe(400);
});
