import { beforeAll, expect, test } from "vitest";
import { getCatalog } from "#app/courses/catalog-instance.server.ts";
import type { CatalogCourse } from "#app/courses/catalog.server.ts";
import { db } from "#app/db.server.ts";
import { markLessonDone } from "#app/progress/steps.server.ts";
import { createLearner, createPersonWithRole } from "#tests/unit/people.ts";
import { contextFor, get, outcome, routeArgs, statusOf } from "#tests/unit/route-args.ts";
import * as coursePage from "./course.tsx";

const slug = "hoa-giai-o-co-so";
let course: CatalogCourse;
beforeAll(async () => {
  course = (await getCatalog()).bySlug.get(slug)!;
}, 120_000);

const learner = async () => createPersonWithRole(db, "learner", (await createLearner(db)).unit, "Phạm Thị Học");
const openCourse = async (userId: string | null, courseSlug = slug) =>
  outcome(async () => coursePage.loader(routeArgs(get(`/courses/${courseSlug}`), await contextFor(db, userId), { slug: courseSlug })));

test("a course page shows each module's lessons, what is done and which lesson comes next", async () => {
  const userId = await learner();
  const fresh = (await openCourse(userId)) as Awaited<ReturnType<typeof coursePage.loader>>;
  expect(fresh).toMatchObject({ doneCount: 0, total: course.lessons.length, started: false, completedAt: null, certificateCode: null, nextLesson: course.lessons[0]!.slug });
  expect(fresh.course).toMatchObject({ slug, title: course.title, passMark: course.passMark, hasScenarios: course.rule.scenarioIds.length > 0 });
  expect(fresh.modules.map((m) => m.title)).toEqual(course.modules.map((m) => m.title));
  expect(fresh.modules.flatMap((m) => m.lessons.map((l) => l.slug))).toEqual(course.lessons.map((l) => l.slug));

  await markLessonDone(db, userId, course, course.lessons[0]!.id);
  const started = (await openCourse(userId)) as typeof fresh;
  expect(started).toMatchObject({ doneCount: 1, started: true, nextLesson: course.lessons[1]!.slug });
  expect(started.modules.flatMap((m) => m.lessons).filter((l) => l.done).map((l) => l.slug)).toEqual([course.lessons[0]!.slug]);
});

test("the course page needs a learner and a course that exists", async () => {
  expect(statusOf(await openCourse(null))).toBe(302);
  expect(statusOf(await openCourse((await createLearner(db)).userId))).toBe(403);
  expect(statusOf(await openCourse(await learner(), "khong-co-khoa-nay"))).toBe(404);
});

test("each course says whether it has scenarios and optional lessons; with every lesson done the next one is the first again", async () => {
  const userId = await learner();
  const flags: [boolean, boolean][] = [];
  for (const each of (await getCatalog()).courses.filter((c) => c.ownerUnitId === null)) {
    const page = (await openCourse(userId, each.slug)) as Awaited<ReturnType<typeof coursePage.loader>>;
    expect(page.course, each.slug).toMatchObject({ hasScenarios: each.rule.scenarioIds.length > 0, hasOptionalLessons: each.lessons.some((l) => l.optional) });
    flags.push([page.course.hasScenarios, page.course.hasOptionalLessons]);
  }
  // The shipped courses have both kinds of each, or this test could not tell a wrong answer.
  expect(new Set(flags.map(([s]) => s))).toEqual(new Set([true, false]));
  expect(new Set(flags.map(([, o]) => o))).toEqual(new Set([true, false]));

  for (const lesson of course.lessons) await markLessonDone(db, userId, course, lesson.id);
  expect(((await openCourse(userId)) as Awaited<ReturnType<typeof coursePage.loader>>).nextLesson).toBe(course.lessons[0]!.slug);
});
