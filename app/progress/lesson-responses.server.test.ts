import { beforeAll, expect, test } from "vitest";
import { buildCatalog, type CatalogCourse } from "#app/courses/catalog.server.ts";
import { db } from "#app/db.server.ts";
import { tinyCourse, writeContentRoot } from "#tests/unit/course-fixture.ts";
import { createLearner } from "#tests/unit/people.ts";
import { courseProgress } from "./progress.server.ts";
import { handleLessonAction } from "./lesson-actions.server.ts";

// What a lesson action records when it succeeds, and the 400s of each intent (lesson-actions.server.test.ts has the quiz policy).
const activities = `

<Reflection id="suy-ngam" prompt="Chị nghĩ gì?" />

<Checklist id="cac-buoc" title="Các bước">
  <Step>Một</Step>
  <Step>Hai</Step>
</Checklist>`;
let course: CatalogCourse;
beforeAll(async () => {
  course = (await buildCatalog(db, writeContentRoot({ "khoa-tra-loi": tinyCourse(activities) }))).bySlug.get("khoa-tra-loi")!;
});

const form = (fields: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const one of [value].flat()) data.append(key, one);
  return data;
};
const act = (userId: string, lessonIndex: number, fields: Record<string, string | string[]>) =>
  handleLessonAction(db, userId, course, course.lessons[lessonIndex]!, form(fields));

test("a reflection and a checklist are saved under their activity, the checklist as the ticked steps, in order, once each", async () => {
  const { userId } = await createLearner(db);
  expect(await act(userId, 0, { intent: "reflection", activityId: "suy-ngam", value: "  Lắng nghe trước  " })).toEqual({ status: 200, body: { intent: "reflection", saved: true } });
  expect(await act(userId, 0, { intent: "checklist", activityId: "cac-buoc", step: ["1", "0", "1"] })).toEqual({ status: 200, body: { intent: "checklist", saved: true } });
  expect((await courseProgress(db, userId, course)).responses).toEqual({ "reflection:suy-ngam": "Lắng nghe trước", "checklist:cac-buoc": "[0,1]" });
});

test("a blank reflection or steps that are not small whole numbers are refused and saved nowhere", async () => {
  const { userId } = await createLearner(db);
  for (const fields of [
    { intent: "reflection", activityId: "suy-ngam", value: "   " } as Record<string, string | string[]>,
    { intent: "checklist", activityId: "cac-buoc", step: "100" },
    { intent: "checklist", activityId: "cac-buoc", step: "-1" },
    { intent: "checklist", activityId: "cac-buoc", step: ["0", "một"] },
  ])
    expect((await act(userId, 0, fields)).status).toBe(400);
  expect(await act(userId, 1, { intent: "checklist", activityId: "cac-buoc", step: "0" })).toEqual({ status: 400, body: { intent: "checklist", error: "error.400" } });
  expect(await act(userId, 1, { intent: "reflection", activityId: "suy-ngam", value: "Ở bài khác" })).toEqual({ status: 400, body: { intent: "reflection", error: "error.400" } });
  expect(await db.activityResponse.count({ where: { enrollment: { userId } } })).toBe(0);
});

test("marking a lesson done records it and says whether that completed the course", async () => {
  const { userId } = await createLearner(db);
  expect(await act(userId, 0, { intent: "done" })).toEqual({ status: 200, body: { intent: "done", completed: false } });
  expect((await courseProgress(db, userId, course)).doneLessonIds).toEqual([course.lessons[0]!.id]);
});

test("the last step completes the course, and the answer says so", async () => {
  const { userId } = await createLearner(db);
  await act(userId, 0, { intent: "done" });
  await act(userId, 1, { intent: "done" });
  expect(await act(userId, 1, { intent: "scenario", scenarioId: "tham-nha", path: JSON.stringify(["cong", "lang-nghe"]) })).toEqual({ status: 200, body: { intent: "scenario", completed: false } });
  await act(userId, 2, { intent: "done" });
  const quiz = await act(userId, 2, { intent: "quiz", "q:q1": "a", "q:q2": ["a", "c"] });
  expect(quiz).toMatchObject({ status: 200, body: { intent: "quiz", completed: true, result: { score: 100, passed: true } } });
});

test("a quiz with an unanswered question, posted from a lesson without the quiz, or a scenario path that goes nowhere is a 400", async () => {
  const { userId } = await createLearner(db);
  expect(await act(userId, 2, { intent: "quiz", "q:q1": "a" })).toEqual({ status: 400, body: { intent: "quiz", error: "quiz.unanswered" } });
  expect(await act(userId, 0, { intent: "quiz", "q:q1": "a", "q:q2": "a" })).toEqual({ status: 400, body: { intent: "quiz", error: "error.400" } });
  expect(await act(userId, 1, { intent: "scenario", scenarioId: "tham-nha", path: "[]" })).toEqual({ status: 400, body: { intent: "scenario", error: "error.400" } });
  expect(await act(userId, 1, { intent: "scenario", scenarioId: "tham-nha", path: JSON.stringify(["cong", "khong-co"]) })).toEqual({ status: 400, body: { intent: "scenario", error: "error.400" } });
  expect(await db.quizAttempt.count({ where: { enrollment: { userId } } })).toBe(0);
  expect(await db.scenarioRun.count({ where: { enrollment: { userId } } })).toBe(0);
});
