import { beforeAll, expect, test } from "vitest";
import { getCatalog } from "#app/courses/catalog-instance.server.ts";
import type { CatalogCourse } from "#app/courses/catalog.server.ts";
import { db } from "#app/db.server.ts";
import { markLessonDone } from "#app/progress/steps.server.ts";
import { createLearner, createPersonWithRole } from "#tests/unit/people.ts";
import { contextFor, get, outcome, post, routeArgs, statusOf } from "#tests/unit/route-args.ts";
import { action, loader } from "./lesson.tsx";

// A shipped course whose final quiz waits for the scenario lesson before it.
const slug = "hoa-giai-o-co-so";
const quizLesson = "kiem-tra-cuoi-khoa";
const params = { slug, lesson: quizLesson };
const path = `/courses/${slug}/${quizLesson}`;
let course: CatalogCourse;
beforeAll(async () => {
  course = (await getCatalog()).bySlug.get(slug)!;
}, 120_000);

const learner = async () => createPersonWithRole(db, "learner", (await createLearner(db)).unit);
const lessonId = (lessonSlug: string) => course.lessons.find((l) => l.slug === lessonSlug)!.id;

test("nobody signed in is sent to sign in, and comes back to the lesson", async () => {
  const result = (await outcome(async () => loader(routeArgs(get(path), await contextFor(db, null), params)))) as Response;
  expect(result.status).toBe(302);
  expect(result.headers.get("Location")).toBe(`/login?redirectTo=${encodeURIComponent(path)}`);
  expect(statusOf(await outcome(async () => action(routeArgs(post(path, { intent: "done" }), await contextFor(db, null), params))))).toBe(302);
});

test("a lesson with unmet prerequisites sends no content and no quiz, and refuses every step", async () => {
  const userId = await learner();
  const context = await contextFor(db, userId);
  const page = await loader(routeArgs(get(path), context, params));
  expect(page.lesson.parts).toBeNull();
  expect(page.activities.quiz).toBeNull();
  expect(page.blockers.lessons.map((l) => l.slug)).toEqual(["tinh-huong-tranh-chap-ranh-dat"]);
  for (const fields of [{ intent: "done" }, { intent: "quiz", q1: "x" }] as Record<string, string>[])
    expect(statusOf(await outcome(() => action(routeArgs(post(path, fields), context, params))))).toBe(403);
  expect(await db.lessonProgress.count({ where: { enrollment: { userId } } })).toBe(0);
  expect(await db.quizAttempt.count({ where: { enrollment: { userId } } })).toBe(0);
});

test("once the prerequisite is done the quiz is sent, without its answer key or explanations", async () => {
  const userId = await learner();
  await markLessonDone(db, userId, course, lessonId("tinh-huong-tranh-chap-ranh-dat"));
  const page = await loader(routeArgs(get(path), await contextFor(db, userId), params));
  expect(page.lesson.parts).not.toBeNull();
  expect(page.activities.quiz?.questions).toHaveLength(course.quiz!.questions.length);
  const sent = JSON.stringify(page);
  expect(sent).not.toMatch(/"correct"/);
  for (const question of course.quiz!.questions) expect(sent).not.toContain(question.explanation);
});

test("a signed-in person without any role is refused", async () => {
  const { userId } = await createLearner(db);
  expect(statusOf(await outcome(async () => loader(routeArgs(get(path), await contextFor(db, userId), params))))).toBe(403);
});
