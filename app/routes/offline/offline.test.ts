import { expect, test } from "vitest";
import { getCatalog } from "#app/courses/catalog-instance.server.ts";
import { db } from "#app/db.server.ts";
import { ensureUnit } from "#app/org/unit-tree.server.ts";
import { createLearner, createPersonWithRole } from "#tests/unit/people.ts";
import { contextFor, get, outcome, routeArgs, statusOf } from "#tests/unit/route-args.ts";
import * as course from "./course.ts";
import * as me from "./me.ts";

const slug = "nghi-quyet-chi-thi-ve-cong-tac-phu-nu";

test("the service worker learns who is signed in, never from a cache", async () => {
  const { userId } = await createLearner(db);
  for (const [who, expected] of [[userId, userId], [null, null]] as const) {
    const answer = me.loader(routeArgs(get("/offline/me"), await contextFor(db, who)));
    expect(answer.headers.get("Cache-Control")).toBe("no-store");
    expect(await answer.json()).toEqual({ userId: expected });
  }
});

test("a course's copy names its owner, the course and its lesson pages; an unknown course is not found, one without a role is refused and nobody signed in is sent to sign in", async () => {
  const userId = await createPersonWithRole(db, "learner", await ensureUnit(db, { code: "OL1", name: "Xã Ngoại Tuyến", level: "commune", kind: "xa", parent: null }));
  const learner = await contextFor(db, userId);
  const answer = (await course.loader(routeArgs(get(`/offline/courses/${slug}`), learner, { slug }))) as Response;
  const shipped = (await getCatalog()).bySlug.get(slug)!;
  const copy = await answer.json();
  expect(copy).toMatchObject({ userId, slug, title: shipped.title, version: shipped.version });
  expect(copy.pages).toEqual(expect.arrayContaining([`/courses/${slug}`, ...shipped.lessons.map((l) => `/courses/${slug}/${l.slug}`)]));
  expect(statusOf(await outcome(() => course.loader(routeArgs(get("/offline/courses/khong-co"), learner, { slug: "khong-co" }))))).toBe(404);
  const withoutRole = await contextFor(db, (await createLearner(db)).userId);
  expect(statusOf(await outcome(() => course.loader(routeArgs(get(`/offline/courses/${slug}`), withoutRole, { slug }))))).toBe(403);
  const anonymous = (await outcome(async () => course.loader(routeArgs(get(`/offline/courses/${slug}`), await contextFor(db, null), { slug })))) as Response;
  expect(anonymous.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
});
