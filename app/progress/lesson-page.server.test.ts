import { createHash } from "node:crypto";
import { beforeAll, expect, test } from "vitest";
import { getCatalog } from "#app/courses/catalog-instance.server.ts";
import type { CatalogCourse } from "#app/courses/catalog.server.ts";
import { db } from "#app/db.server.ts";
import { htmlByKey } from "#app/courses/html-registry.server.ts";
import { publicQuiz } from "#app/courses/quiz.ts";
import { createLearner } from "#tests/unit/people.ts";
import { lessonPage } from "./lesson-page.server.ts";
import { markLessonDone, submitQuiz } from "./steps.server.ts";

// A shipped course: its final quiz allows unlimited attempts 10 minutes apart.
const slug = "hoa-giai-o-co-so";
let course: CatalogCourse;
beforeAll(async () => {
  course = (await getCatalog()).bySlug.get(slug)!;
}, 120_000);

const newLearner = async () => {
  const { userId, unit } = await createLearner(db);
  return { userId, learner: { id: userId, roles: [{ role: "learner" as const, unitId: unit.id, unitPath: unit.path, unitName: "" }] } };
};

test("a course's quiz words are known as soon as the catalog is, before any page is rendered", () => {
  const { text } = publicQuiz(course.quiz!);
  const key = createHash("sha256").update(JSON.stringify("entries" in text ? text.entries : {})).digest("base64url").slice(0, 22);
  expect(htmlByKey(key)).toBe(JSON.stringify("entries" in text ? text.entries : {}));
});

test("a lesson page names its course, its neighbours and the learner's state, and sends no quiz it does not hold", async () => {
  const { userId, learner } = await newLearner();
  const [first, second] = course.lessons;
  const page = await lessonPage(db, learner, slug, first!.slug);
  expect(page.course).toEqual({ slug, title: course.title, passMark: course.passMark, lessons: course.lessons.length });
  expect(page.lesson).toMatchObject({ id: first!.id, title: first!.title, minutes: first!.minutes, moduleTitle: first!.moduleTitle });
  expect(page.previous).toBeNull();
  expect(page.next).toEqual({ slug: second!.slug, title: second!.title });
  expect(page).toMatchObject({ done: false, completedAt: null });
  expect(page.activities).toMatchObject({ quiz: null, passMark: course.passMark, bestScore: null, attempts: { used: 0, left: null, nextAttemptAt: null } });

  await markLessonDone(db, userId, course, first!.id);
  const again = await lessonPage(db, learner, slug, second!.slug);
  expect(again.previous).toEqual({ slug: first!.slug, title: first!.title });
  expect((await lessonPage(db, learner, slug, first!.slug)).done).toBe(true);
});

test("after an attempt the quiz lesson shows the score, the attempts used and when the next may be taken", async () => {
  const { userId, learner } = await newLearner();
  const quizLesson = course.lessons.at(-1)!;
  for (const lesson of course.lessons) await markLessonDone(db, userId, course, lesson.id);
  const before = await lessonPage(db, learner, slug, quizLesson.slug);
  expect(before.activities.quiz?.id).toBe(course.quiz!.id);
  const answers = Object.fromEntries(course.quiz!.questions.map((q) => [q.id, [q.choices[0]!.id]]));
  const submitted = await submitQuiz(db, userId, course, answers);
  const after = await lessonPage(db, learner, slug, quizLesson.slug);
  expect(after.activities.bestScore).toBe(submitted.refused ? null : submitted.result.score);
  expect(after.activities.attempts.used).toBe(1);
  expect(Date.parse(after.activities.attempts.nextAttemptAt!)).toBeGreaterThan(Date.now() + 9 * 60_000);
});

test("a scenario lesson sends only the scene that the address's path reaches, never the others", async () => {
  const { userId, learner } = await newLearner();
  const lesson = course.lessons.find((l) => l.compiled.activities.scenarios.length > 0)!;
  for (const before of course.lessons.slice(0, course.lessons.indexOf(lesson))) await markLessonDone(db, userId, course, before.id);
  const graph = lesson.compiled.activities.scenarios[0]!;
  const scenarioOf = (page: Awaited<ReturnType<typeof lessonPage>>) => page.lesson.parts!.flatMap((p) => ("island" in p && p.island === "Scenario" ? [p.props] : []));

  const [atStart] = scenarioOf(await lessonPage(db, learner, slug, lesson.slug));
  expect(atStart).toMatchObject({ id: graph.id, path: [graph.start] });
  expect(atStart).not.toHaveProperty("scenes");
  const next = graph.scenes.find((s) => s.id === graph.start)!.options[0]!;
  const search = new URLSearchParams({ [`scenario.${graph.id}`]: `${graph.start},${next}` });
  const [played] = scenarioOf(await lessonPage(db, learner, slug, lesson.slug, search));
  expect(played).toMatchObject({ path: [graph.start, next] });
});

test("the quiz lesson sends the quiz's structure and its words by key only: the document shows them", async () => {
  const { userId, learner } = await newLearner();
  for (const lesson of course.lessons) await markLessonDone(db, userId, course, lesson.id);
  const { quiz } = (await lessonPage(db, learner, slug, course.lessons.at(-1)!.slug)).activities;
  const [first] = course.quiz!.questions;
  expect(JSON.stringify(quiz)).not.toContain(first!.prompt);
  expect(quiz!.questions[0]).toEqual({ id: first!.id, multiple: first!.multiple, choices: first!.choices.map((c) => c.id) });
  const key = "key" in quiz!.text ? quiz!.text.key : "";
  const words = JSON.parse(htmlByKey(key) ?? "{}") as Record<string, string>;
  expect(words[first!.id]).toBe(first!.prompt);
  expect(words[`${first!.id}.${first!.choices[0]!.id}`]).toBe(first!.choices[0]!.text);
});
