import { expect, test } from "vitest";
import { getCatalog } from "#app/courses/catalog-instance.server.ts";
import { db } from "#app/db.server.ts";
import { markLessonDone } from "#app/progress/steps.server.ts";
import { createLearner, createPersonWithRole } from "#tests/unit/people.ts";
import { contextFor, get, outcome, routeArgs, statusOf } from "#tests/unit/route-args.ts";
import * as catalogPage from "./catalog.tsx";

const slug = "hoa-giai-o-co-so";

test("the catalog counts each course's lessons, minutes and the learner's finished lessons", { timeout: 120_000 }, async () => {
  const userId = await createPersonWithRole(db, "learner", (await createLearner(db)).unit, "Phạm Thị Học");
  const catalog = await getCatalog();
  const course = catalog.bySlug.get(slug)!;
  await markLessonDone(db, userId, course, course.lessons[0]!.id);
  const page = await catalogPage.loader(routeArgs(get("/courses"), await contextFor(db, userId)));
  expect(page.name).toBe("Phạm Thị Học");
  expect(page.courses.map((c) => c.slug)).toEqual(catalog.courses.map((c) => c.slug));
  const shown = page.courses.find((c) => c.slug === slug)!;
  expect(shown).toEqual({
    slug,
    title: course.title,
    summary: course.summary,
    lessons: course.lessons.length,
    minutes: course.lessons.reduce((sum, l) => sum + l.minutes, 0),
    done: 1,
    completedAt: null,
    needsRefresh: false,
    required: null,
  });
  expect(page.courses.filter((c) => c.slug !== slug).map((c) => [c.done, c.completedAt, c.needsRefresh])).toEqual(page.courses.slice(1).map(() => [0, null, false]));
  expect(statusOf(await outcome(async () => catalogPage.loader(routeArgs(get("/courses"), await contextFor(db, (await createLearner(db)).userId)))))).toBe(403);
});
