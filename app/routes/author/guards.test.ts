import { beforeAll, expect, test } from "vitest";
import { createDraftCourse } from "#app/authoring/drafts.server.ts";
import { db } from "#app/db.server.ts";
import { ensureUnit } from "#app/org/unit-tree.server.ts";
import { createPersonWithRole } from "#tests/unit/people.ts";
import { contextFor, get, outcome, post, routeArgs, statusOf } from "#tests/unit/route-args.ts";
import * as course from "./course.tsx";
import * as file from "./file.tsx";
import * as index from "./index.tsx";
import * as preview from "./preview.ts";
import * as reflections from "./reflections.tsx";

const slug = "khoa-soan-thu";
type Unit = Awaited<ReturnType<typeof ensureUnit>>;
let district: Unit;
let other: Unit;
beforeAll(async () => {
  const province = await ensureUnit(db, { code: "AG0", name: "Tỉnh Soạn", level: "province", kind: "tinh", parent: null });
  district = await ensureUnit(db, { code: "AG1", name: "Huyện Soạn", level: "district", kind: "huyen", parent: province });
  other = await ensureUnit(db, { code: "AG2", name: "Huyện Khác", level: "district", kind: "huyen", parent: province });
  await createDraftCourse(db, { slug, title: "Khóa soạn thử" }, district.id);
});

test("a learner is refused every authoring page and action", async () => {
  const context = await contextFor(db, await createPersonWithRole(db, "learner", district));
  const params = { slug, file: "course.mdx" };
  const calls = [
    () => index.loader(routeArgs(get("/author"), context)),
    () => index.action(routeArgs(post("/author", { slug: "khoa-moi", title: "Khóa mới" }), context)),
    () => course.loader(routeArgs(get(`/author/${slug}`), context, params)),
    () => course.action(routeArgs(post(`/author/${slug}`, { intent: "publish" }), context, params)),
    () => file.loader(routeArgs(get(`/author/${slug}/files/course.mdx`), context, params)),
    () => file.action(routeArgs(post(`/author/${slug}/files/course.mdx`, { source: "trống" }), context, params)),
    () => preview.action(routeArgs(post("/author/preview", { source: "# Bài" }), context)),
    () => reflections.loader(routeArgs(get(`/author/${slug}/reflections`), context, params)),
  ];
  for (const call of calls) expect(statusOf(await outcome(call))).toBe(403);
  expect(await db.course.count({ where: { slug: "khoa-moi" } })).toBe(0);
});

test("a trainer reads the reflections of learners in her units only", async () => {
  const { id: courseId } = await db.course.findUniqueOrThrow({ where: { slug }, select: { id: true } });
  const reflect = async (unit: { id: string }, value: string) => {
    const userId = await createPersonWithRole(db, "learner", unit, `Học Viên ${value}`);
    await db.enrollment.create({
      data: { userId, courseId, courseVersion: 1, responses: { create: { kind: "reflection", activityId: "suy-ngam", value } } },
    });
  };
  await reflect(district, "Ở huyện mình");
  await reflect(other, "Ở huyện khác");
  const trainer = await createPersonWithRole(db, "trainer", district);
  const page = await reflections.loader(routeArgs(get(`/author/${slug}/reflections`), await contextFor(db, trainer), { slug }));
  expect(page.reflections.map((r) => r.text)).toEqual(["Ở huyện mình"]);
});
