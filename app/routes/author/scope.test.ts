import { beforeAll, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { ensureUnit, type TreeUnit } from "#app/org/unit-tree.server.ts";
import { createPersonWithRole } from "#tests/unit/people.ts";
import { contextFor, get, outcome, post, routeArgs, statusOf } from "#tests/unit/route-args.ts";
import * as catalogPage from "../learn/catalog.tsx";
import * as coursePage from "../learn/course.tsx";
import * as lessonPage from "../learn/lesson.tsx";
import * as course from "./course.tsx";
import * as file from "./file.tsx";
import * as index from "./index.tsx";
import * as reflections from "./reflections.tsx";

// A district trainer writes a course for her district: its learners see it, the neighbouring district's
// learners and trainer do not, and the province's trainer manages it too.
const slug = "khoa-cua-huyen";
let province: TreeUnit;
let district: TreeUnit;
let neighbour: TreeUnit;
const as = async (role: "learner" | "trainer", unit: TreeUnit) => contextFor(db, await createPersonWithRole(db, role, unit));
type Context = Awaited<ReturnType<typeof as>>;
let districtTrainer: Context;
beforeAll(async () => {
  province = await ensureUnit(db, { code: "SC0", name: "Tỉnh Phạm Vi", level: "province", kind: "tinh", parent: null });
  district = await ensureUnit(db, { code: "SC1", name: "Huyện Của Chị", level: "district", kind: "huyen", parent: province });
  neighbour = await ensureUnit(db, { code: "SC2", name: "Huyện Bên Cạnh", level: "district", kind: "huyen", parent: province });
  districtTrainer = await as("trainer", district);
  await index.action(routeArgs(post("/author", { slug, title: "Khóa của huyện" }), districtTrainer));
  expect(await course.action(routeArgs(post(`/author/${slug}`, { intent: "publish" }), districtTrainer, { slug }))).toMatchObject({ published: 1 });
}, 120_000);

const params = { slug, file: "01-bai-mo-dau.mdx", lesson: "bai-mo-dau" };
const status = async (call: () => unknown) => statusOf(await outcome(call));
const catalogSlugs = async (context: Context) => (await catalogPage.loader(routeArgs(get("/courses"), context))).courses.map((c) => c.slug);

test("the course belongs to the unit of the trainer who created it", async () => {
  const row = await db.course.findUniqueOrThrow({ where: { slug }, select: { ownerUnitId: true } });
  expect(row.ownerUnitId).toBe(district.id);
});

test("learners of her district find the course; a learner of the neighbouring district gets what an unknown course gets", async () => {
  const inside = await as("learner", await ensureUnit(db, { code: "SC11", name: "Xã Trong Huyện", level: "commune", kind: "xa", parent: district }));
  expect(await catalogSlugs(inside)).toContain(slug);
  expect(await status(() => coursePage.loader(routeArgs(get(`/courses/${slug}`), inside, params)))).toBe(200);
  expect(await status(() => lessonPage.loader(routeArgs(get(`/courses/${slug}/${params.lesson}`), inside, params)))).toBe(200);

  const outside = await as("learner", neighbour);
  expect(await catalogSlugs(outside)).not.toContain(slug);
  expect(await catalogSlugs(outside)).toContain("hoa-giai-o-co-so");
  for (const courseSlug of [slug, "khong-co-khoa"]) {
    const p = { ...params, slug: courseSlug };
    expect(await status(() => coursePage.loader(routeArgs(get(`/courses/${courseSlug}`), outside, p)))).toBe(404);
    expect(await status(() => lessonPage.loader(routeArgs(get(`/courses/${courseSlug}/${p.lesson}`), outside, p)))).toBe(404);
    expect(await status(() => lessonPage.action(routeArgs(post(`/courses/${courseSlug}/${p.lesson}`, { intent: "done" }), outside, p)))).toBe(404);
  }
});

test("a trainer of the neighbouring district can neither open, edit, publish, restore nor read the reflections of the course", async () => {
  const other = await as("trainer", neighbour);
  expect((await index.loader(routeArgs(get("/author"), other))).courses.map((c) => c.slug)).not.toContain(slug);
  const before = await db.authoredFile.findMany({ where: { course: { slug } }, select: { name: true, source: true } });
  const calls = [
    () => course.loader(routeArgs(get(`/author/${slug}`), other, params)),
    () => course.action(routeArgs(post(`/author/${slug}`, { intent: "publish" }), other, params)),
    () => course.action(routeArgs(post(`/author/${slug}`, { intent: "restore", version: "1" }), other, params)),
    () => course.action(routeArgs(post(`/author/${slug}`, { intent: "addLesson", name: "02-chen-vao", title: "Bài chen vào" }), other, params)),
    () => course.action(routeArgs(post(`/author/${slug}`, { intent: "recertify", version: "1", required: "true" }), other, params)),
    () => file.loader(routeArgs(get(`/author/${slug}/files/${params.file}`), other, params)),
    () => file.action(routeArgs(post(`/author/${slug}/files/${params.file}`, { source: "ghi đè" }), other, params)),
    () => reflections.loader(routeArgs(get(`/author/${slug}/reflections`), other, params)),
  ];
  for (const call of calls) expect(await status(call)).toBe(404);
  expect(await db.authoredFile.findMany({ where: { course: { slug } }, select: { name: true, source: true } })).toEqual(before);
  expect(await db.courseVersion.count({ where: { course: { slug } } })).toBe(1);
});

test("a province trainer opens, edits and publishes the district's course, and it stays the district's", async () => {
  const above = await as("trainer", province);
  expect((await index.loader(routeArgs(get("/author"), above))).courses.map((c) => c.slug)).toContain(slug);
  expect((await course.loader(routeArgs(get(`/author/${slug}`), above, params))).course).toMatchObject({ slug, manageable: true });
  const source = '---\ntitle: "Bài mở đầu"\nminutes: 5\n---\n\nTỉnh bổ sung nội dung.\n';
  expect(await status(() => file.action(routeArgs(post(`/author/${slug}/files/${params.file}`, { source }), above, params)))).toBe(302);
  expect(await course.action(routeArgs(post(`/author/${slug}`, { intent: "publish" }), above, params))).toMatchObject({ published: 2, changed: true });
  const row = await db.course.findUniqueOrThrow({ where: { slug }, select: { ownerUnitId: true } });
  expect(row.ownerUnitId).toBe(district.id);
  expect(await catalogSlugs(await as("learner", neighbour))).not.toContain(slug);
});

test("a trainer of several units chooses which one a course belongs to; a unit she does not train for is refused", async () => {
  const both = await createPersonWithRole(db, "trainer", district);
  await db.roleAssignment.create({ data: { userId: both, role: "trainer", unitId: neighbour.id } });
  const context = await contextFor(db, both);
  expect((await index.loader(routeArgs(get("/author"), context))).units.map((u) => u.id).sort()).toEqual([district.id, neighbour.id].sort());
  await index.action(routeArgs(post("/author", { slug: "khoa-chon-don-vi", title: "Khóa chọn đơn vị", ownerUnitId: neighbour.id }), context));
  expect((await db.course.findUniqueOrThrow({ where: { slug: "khoa-chon-don-vi" }, select: { ownerUnitId: true } })).ownerUnitId).toBe(neighbour.id);
  const forged = () => index.action(routeArgs(post("/author", { slug: "khoa-gia-mao", title: "Khóa giả mạo", ownerUnitId: province.id }), districtTrainer));
  expect(await status(forged)).toBe(404);
  expect(await db.course.count({ where: { slug: "khoa-gia-mao" } })).toBe(0);
});
