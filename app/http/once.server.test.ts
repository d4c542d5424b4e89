import { beforeAll, expect, test } from "vitest";
import { buildCatalog, type CatalogCourse } from "#app/courses/catalog.server.ts";
import { db } from "#app/db.server.ts";
import { handleLessonAction } from "#app/progress/lesson-actions.server.ts";
import { tinyCourse, writeContentRoot } from "#tests/unit/course-fixture.ts";
import { createLearner } from "#tests/unit/people.ts";
import { newIdempotencyKey } from "./idempotency-key.ts";
import { once } from "./once.server.ts";

let course: CatalogCourse;
beforeAll(async () => {
  course = (await buildCatalog(db, writeContentRoot({ "khoa-mot-lan": tinyCourse() }))).bySlug.get("khoa-mot-lan")!;
});

const quizLesson = () => course.lessons[2]!;

function quizForm(key: string) {
  const form = new FormData();
  form.set("intent", "quiz");
  form.set("idempotencyKey", key);
  for (const question of course.quiz!.questions) form.append(`q:${question.id}`, question.choices[0]!.id);
  return form;
}

/** What the lesson route does with a post. */
const post = (userId: string, form: FormData, lesson = quizLesson()) =>
  once(db, userId, form.get("idempotencyKey"), String(form.get("intent")), (tx) => handleLessonAction(tx, userId, course, lesson, form));

const attempts = (userId: string) => db.quizAttempt.count({ where: { enrollment: { userId } } });

test("a quiz submission sent twice is counted once and answered the same both times", async () => {
  const { userId } = await createLearner(db);
  const key = newIdempotencyKey();
  const first = await post(userId, quizForm(key));
  const again = await post(userId, quizForm(key));
  expect(first.status).toBe(200);
  expect(again).toEqual(first);
  expect(await attempts(userId)).toBe(1);
  // A new key is a new attempt.
  await post(userId, quizForm(newIdempotencyKey()));
  expect(await attempts(userId)).toBe(2);
});

test("a lesson marked done again with the same key changes nothing, not even the date", async () => {
  const { userId } = await createLearner(db);
  const form = new FormData();
  form.set("intent", "done");
  form.set("idempotencyKey", newIdempotencyKey());
  expect((await post(userId, form, course.lessons[0]!)).status).toBe(200);
  const marked = await db.lessonProgress.findFirstOrThrow({ where: { enrollment: { userId } }, select: { completedAt: true } });
  await new Promise((r) => setTimeout(r, 5));
  expect((await post(userId, form, course.lessons[0]!)).status).toBe(200);
  expect(await db.lessonProgress.findMany({ where: { enrollment: { userId } }, select: { completedAt: true } })).toEqual([marked]);
});

test("replays sent at the same moment count once", async () => {
  const { userId } = await createLearner(db);
  const key = newIdempotencyKey();
  const outcomes = await Promise.all(Array.from({ length: 8 }, () => post(userId, quizForm(key))));
  expect(new Set(outcomes.map((o) => JSON.stringify(o))).size).toBe(1);
  expect(outcomes[0]!.status).toBe(200);
  expect(await attempts(userId)).toBe(1);
});

test("a replay racing its first request gets the first outcome, even when its own run would now be refused", async () => {
  const single = (await buildCatalog(db, writeContentRoot({ "khoa-mot-luot": tinyCourse("", 'attempts="1"') }))).bySlug.get("khoa-mot-luot")!;
  const { userId } = await createLearner(db);
  const key = newIdempotencyKey();
  // A double click: the second post is refused its own attempt (none left once the first has counted).
  const send = () => once(db, userId, key, "quiz", (tx) => handleLessonAction(tx, userId, single, single.lessons[2]!, quizForm(key)));
  const [first, second] = await Promise.all([send(), send()]);
  expect(first.status).toBe(200);
  expect(second).toEqual(first);
  expect(await attempts(userId)).toBe(1);
});

test("someone else's key, or the key of another intent, is refused and changes nothing", async () => {
  const [owner, other] = [await createLearner(db), await createLearner(db)];
  const key = newIdempotencyKey();
  await post(owner.userId, quizForm(key));
  const stolen = await post(other.userId, quizForm(key));
  expect(stolen).toEqual({ status: 409, body: { intent: "quiz", error: "error.409" } });
  expect(await attempts(other.userId)).toBe(0);
  const done = new FormData();
  done.set("intent", "done");
  done.set("idempotencyKey", key);
  expect((await post(owner.userId, done, course.lessons[0]!)).status).toBe(409);
  expect(await db.lessonProgress.count({ where: { enrollment: { userId: owner.userId } } })).toBe(0);
});

test("a refused form keeps nothing, so the corrected form goes through with the same key", async () => {
  const { userId } = await createLearner(db);
  const key = newIdempotencyKey();
  const unanswered = new FormData();
  unanswered.set("intent", "quiz");
  unanswered.set("idempotencyKey", key);
  expect((await post(userId, unanswered)).status).toBe(400);
  expect((await post(userId, quizForm(key))).status).toBe(200);
  expect(await attempts(userId)).toBe(1);
});

test("a key that is not an id is a 400", async () => {
  const { userId } = await createLearner(db);
  expect((await post(userId, quizForm("x"))).status).toBe(400);
  expect(await attempts(userId)).toBe(0);
});
