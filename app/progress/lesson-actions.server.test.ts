import { beforeAll, expect, test } from "vitest";
import { buildCatalog, type CatalogCourse } from "#app/courses/catalog.server.ts";
import { db } from "#app/db.server.ts";
import { tinyCourse, writeContentRoot } from "#tests/unit/course-fixture.ts";
import { createLearner } from "#tests/unit/people.ts";
import { handleLessonAction } from "./lesson-actions.server.ts";

let course: CatalogCourse;
let oneAttempt: CatalogCourse;
let tenMinutesApart: CatalogCourse;
let written: CatalogCourse;
// The longest activity id a form may name.
const longId = `suy-nghi-${"a".repeat(55)}`;
const activities = `

<Reflection id="${longId}" prompt="Ấp của chị có bao nhiêu hội viên?" />

<Checklist id="cac-buoc" title="Các bước">
${Array.from({ length: 3 }, (_, i) => `  <Step>Bước ${i + 1}</Step>`).join("\n")}
</Checklist>
`;
beforeAll(async () => {
  const catalog = await buildCatalog(
    db,
    writeContentRoot({
      "khoa-hanh-dong": tinyCourse(),
      "khoa-mot-lan": tinyCourse("", 'attempts="1"'),
      "khoa-cach-quang": tinyCourse("", 'waitMinutes="10"'),
      "khoa-viet": tinyCourse(activities),
    }),
  );
  written = catalog.bySlug.get("khoa-viet")!;
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

test("each field is held to its bounds: ids, a reflection's length, checklist steps and a scenario's path", async () => {
  const { userId } = await createLearner(db);
  const [first, scenarioLesson] = written.lessons;
  const status = async (lesson: typeof first, fields: Record<string, string | string[]>) => (await handleLessonAction(db, userId, written, lesson!, form(fields))).status;
  expect(longId).toHaveLength(64);
  const reflection = (value: string, activityId = longId) => status(first, { intent: "reflection", activityId, value });
  expect(await reflection("   ")).toBe(400);
  expect(await reflection("x".repeat(4001))).toBe(400);
  expect(await reflection(`x${longId}`, `${longId}x`)).toBe(400);
  expect(await reflection("Có", longId.toUpperCase())).toBe(400);
  expect(await reflection("x".repeat(4000))).toBe(200);
  expect(await reflection("  Khoảng 190 hội viên.  ")).toBe(200);
  const saved = await db.activityResponse.findFirstOrThrow({ where: { enrollment: { userId }, kind: "reflection" }, select: { value: true, activityId: true } });
  expect(saved).toEqual({ value: "Khoảng 190 hội viên.", activityId: longId });

  const checklist = (step: string[]) => status(first, { intent: "checklist", activityId: "cac-buoc", step });
  for (const step of [["100"], ["-1"], ["1a"], ["a1"], ["", "1"], Array.from({ length: 101 }, () => "1")]) expect(await checklist(step), JSON.stringify(step).slice(0, 40)).toBe(400);
  expect(await checklist(["2", "0", "2", "99"])).toBe(200);
  expect(await checklist(Array.from({ length: 100 }, () => "1"))).toBe(200);

  const play = (path: unknown, raw = JSON.stringify(path)) => status(scenarioLesson, { intent: "scenario", scenarioId: "tham-nha", path: raw });
  expect(await play([])).toBe(400);
  expect(await play(["Cong"])).toBe(400);
  expect(await play(Array.from({ length: 101 }, () => "cong"))).toBe(400);
  expect(await play(null, `["cong","lang-nghe"]${" ".repeat(3990)}`)).toBe(400);
  expect(await play(["cong", "lang-nghe"])).toBe(200);
  expect(await db.scenarioRun.count({ where: { enrollment: { userId } } })).toBe(1);
});

test("a refusal names its intent, so the page shows it beside the form that sent it", async () => {
  const { userId } = await createLearner(db);
  const reading = course.lessons[0]!;
  expect(await handleLessonAction(db, userId, course, reading, form({ intent: "bay" }))).toEqual({ status: 400, body: { error: "error.400" } });
  expect(await handleLessonAction(db, userId, course, reading, form({ intent: "quiz" }))).toEqual({ status: 400, body: { intent: "quiz", error: "error.400" } });
  const play = form({ intent: "scenario", scenarioId: "tham-nha", path: "[]" });
  expect(await handleLessonAction(db, userId, course, reading, play)).toEqual({ status: 400, body: { intent: "scenario", error: "error.400" } });
  const checklist = form({ intent: "checklist", activityId: "cac-buoc", step: "x" });
  expect(await handleLessonAction(db, userId, written, written.lessons[0]!, checklist)).toEqual({ status: 400, body: { intent: "checklist", error: "error.400" } });
});
