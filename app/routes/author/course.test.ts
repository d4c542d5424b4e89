import { beforeAll, expect, test } from "vitest";
import { editorSnippets } from "#app/components/mdx/registry.server.ts";
import { getCatalog } from "#app/courses/catalog-instance.server.ts";
import { db } from "#app/db.server.ts";
import { ensureUnit, type TreeUnit } from "#app/org/unit-tree.server.ts";
import { createPersonWithRole } from "#tests/unit/people.ts";
import { contextFor, get, outcome, post, routeArgs, statusOf } from "#tests/unit/route-args.ts";
import * as course from "./course.tsx";
import * as file from "./file.tsx";
import * as index from "./index.tsx";
import * as preview from "./preview.ts";

// A trainer's path through authoring: create a course, add a lesson, edit it, publish, mark re-certification.
let context: Awaited<ReturnType<typeof contextFor>>;
let unit: TreeUnit;
beforeAll(async () => {
  unit = await ensureUnit(db, { code: "AC1", name: "Tỉnh Tác Giả", level: "province", kind: "tinh", parent: null });
  context = await contextFor(db, await createPersonWithRole(db, "trainer", unit));
});

const location = (result: unknown) => (result as Response).headers.get("Location");
const create = (fields: Record<string, string>) => outcome(() => index.action(routeArgs(post("/author", fields), context)));
const act = (slug: string, fields: Record<string, string>) => outcome(() => course.action(routeArgs(post(`/author/${slug}`, fields), context, { slug })));

test("a new course needs a valid address and title, and an address not yet taken", async () => {
  expect(location(await create({ slug: "khoa-tac-gia", title: "Khóa của tác giả" }))).toBe("/author/khoa-tac-gia");
  expect(await create({ slug: "Khoa Sai", title: "ab" })).toMatchObject({
    data: { errors: { slug: "author.slugInvalid", title: "author.titleInvalid" }, values: { slug: "Khoa Sai", title: "ab" } },
    init: { status: 400 },
  });
  expect(await create({ slug: "khoa-tac-gia", title: "Lần nữa" })).toMatchObject({ data: { errors: { slug: "author.slugTaken" } }, init: { status: 400 } });
  expect((await index.loader(routeArgs(get("/author"), context))).courses.map((c) => c.slug)).toContain("khoa-tac-gia");
});

test("lessons are added under a new numbered name; a bad or existing name is refused", async () => {
  await create({ slug: "khoa-them-bai", title: "Khóa thêm bài" });
  expect(location(await act("khoa-them-bai", { intent: "addLesson", name: "02-bai-hai", title: "Bài hai" }))).toBe("/author/khoa-them-bai/files/02-bai-hai.mdx");
  for (const fields of [{ name: "02-bai-hai", title: "Trùng tên" }, { name: "bai-ba", title: "Không số" }, { name: "03-bai-ba", title: "x" }])
    expect(await act("khoa-them-bai", { intent: "addLesson", ...fields })).toMatchObject({ data: { intent: "addLesson", error: "author.lessonInvalid" }, init: { status: 400 } });
  const page = await course.loader(routeArgs(get("/author/khoa-them-bai"), context, { slug: "khoa-them-bai" }));
  expect(page.course).toEqual({ slug: "khoa-them-bai", title: "Khóa thêm bài", source: "app", version: 0, manageable: true });
  expect(page.files.map((f) => f.name)).toEqual(["01-bai-mo-dau.mdx", "02-bai-hai.mdx", "course.mdx"]);
  expect(page.versions).toEqual([]);
});

test("a draft file is saved and the editor comes back to it; unknown files, empty and oversized drafts are refused", async () => {
  await create({ slug: "khoa-sua-bai", title: "Khóa sửa bài" });
  const params = { slug: "khoa-sua-bai", file: "01-bai-mo-dau.mdx" };
  const source = "---\ntitle: \"Bài mở đầu\"\nminutes: 5\n---\n\nNội dung mới.\n";
  const saved = await outcome(() => file.action(routeArgs(post("/author/khoa-sua-bai/files/01-bai-mo-dau.mdx", { source }), context, params)));
  expect(location(saved)).toBe("/author/khoa-sua-bai/files/01-bai-mo-dau.mdx?saved=1");
  expect(await file.loader(routeArgs(get("/author/khoa-sua-bai/files/01-bai-mo-dau.mdx"), context, params))).toEqual({
    course: { slug: "khoa-sua-bai", title: "Khóa sửa bài" },
    name: "01-bai-mo-dau.mdx",
    source,
    snippets: editorSnippets,
  });
  const missing = { ...params, file: "09-khong-co.mdx" };
  expect(statusOf(await outcome(() => file.loader(routeArgs(get("/x"), context, missing))))).toBe(404);
  const tooLong = await outcome(() => file.action(routeArgs(post("/x", { source: "a".repeat(200_001) }), context, params)));
  expect(tooLong).toMatchObject({ data: { error: "author.tooLong" }, init: { status: 400 } });
  for (const body of [{ source: "" }, { source: " \n\t" }, {}] as Record<string, string>[]) {
    const empty = await outcome(() => file.action(routeArgs(post("/x", body), context, params)));
    expect(empty).toMatchObject({ data: { error: "author.emptyFile" }, init: { status: 400 } });
  }
  expect((await file.loader(routeArgs(get("/x"), context, params))).source).toBe(source);
});

test("publishing makes a version that can be marked for re-certification; unknown versions and intents are refused", async () => {
  await create({ slug: "khoa-xuat-ban", title: "Khóa xuất bản" });
  expect(await act("khoa-xuat-ban", { intent: "publish" })).toEqual({ intent: "publish", published: 1, changed: true });
  expect(await act("khoa-xuat-ban", { intent: "publish" })).toEqual({ intent: "publish", published: 1, changed: false });
  expect(location(await act("khoa-xuat-ban", { intent: "recertify", version: "1", required: "true" }))).toBe("/author/khoa-xuat-ban");
  const page = await course.loader(routeArgs(get("/author/khoa-xuat-ban"), context, { slug: "khoa-xuat-ban" }));
  expect(page.versions).toMatchObject([{ version: 1, requiresRecertification: true }]);
  expect(page.issues).toEqual([]);
  expect(statusOf(await act("khoa-xuat-ban", { intent: "recertify", version: "2", required: "true" }))).toBe(404);
  expect(statusOf(await act("khoa-xuat-ban", { intent: "restore", version: "7" }))).toBe(404);
  expect(statusOf(await act("khoa-xuat-ban", { intent: "xoa" }))).toBe(400);
  expect(statusOf(await act("khong-co-khoa", { intent: "publish" }))).toBe(404);
});

test("a draft that does not compile: its issues are shown and publishing it is refused with them; the lesson added keeps the course's outline", async () => {
  await create({ slug: "khoa-loi", title: "Khóa có lỗi" });
  expect(location(await act("khoa-loi", { intent: "addLesson", name: "02-bai-hai", title: "Bài hai" }))).toBe("/author/khoa-loi/files/02-bai-hai.mdx");
  const outline = await db.authoredFile.findFirstOrThrow({ where: { course: { slug: "khoa-loi" }, name: "course.mdx" }, select: { source: true } });
  expect(outline.source).toContain("Khóa có lỗi");
  expect(outline.source).toMatch(/01-bai-mo-dau[\s\S]*02-bai-hai/);
  const params = { slug: "khoa-loi", file: "01-bai-mo-dau.mdx" };
  await outcome(() => file.action(routeArgs(post("/author/khoa-loi/files/01-bai-mo-dau.mdx", { source: "không có frontmatter" }), context, params)));
  const page = await course.loader(routeArgs(get("/author/khoa-loi"), context, { slug: "khoa-loi" }));
  expect(page.issues.length).toBeGreaterThan(0);
  const refused = await act("khoa-loi", { intent: "publish" });
  expect(refused).toMatchObject({ data: { intent: "publish", issues: page.issues }, init: { status: 400 } });
  expect(await db.courseVersion.count({ where: { course: { slug: "khoa-loi" } } })).toBe(0);
});

test("a published version is restorable while it keeps its files, and restoring it sends back to the course; publishing and re-certification reach the catalog at once", async () => {
  await create({ slug: "khoa-khoi-phuc", title: "Khóa khôi phục" });
  await getCatalog();
  expect(await act("khoa-khoi-phuc", { intent: "publish" })).toEqual({ intent: "publish", published: 1, changed: true });
  expect((await getCatalog()).bySlug.get("khoa-khoi-phuc")).toMatchObject({ title: "Khóa khôi phục", recertification: null });
  expect(location(await act("khoa-khoi-phuc", { intent: "recertify", version: "1", required: "true" }))).toBe("/author/khoa-khoi-phuc");
  expect((await getCatalog()).bySlug.get("khoa-khoi-phuc")!.recertification).toMatchObject({ version: 1 });
  expect(location(await act("khoa-khoi-phuc", { intent: "recertify", version: "1", required: "false" }))).toBe("/author/khoa-khoi-phuc");
  const read = () => course.loader(routeArgs(get("/author/khoa-khoi-phuc"), context, { slug: "khoa-khoi-phuc" }));
  expect((await read()).versions).toMatchObject([{ version: 1, requiresRecertification: false, restorable: true }]);
  expect(location(await act("khoa-khoi-phuc", { intent: "restore", version: "1" }))).toBe("/author/khoa-khoi-phuc");
  await db.courseVersion.updateMany({ where: { course: { slug: "khoa-khoi-phuc" } }, data: { snapshot: null } });
  expect((await read()).versions).toMatchObject([{ version: 1, restorable: false }]);
});

test("a shipped course is changed only through code review, and only by a trainer at the top of the tree marks its re-certification", async () => {
  const shipped = await db.course.findFirstOrThrow({ where: { source: "content" }, select: { slug: true, version: true } });
  const page = await course.loader(routeArgs(get(`/author/${shipped.slug}`), context, { slug: shipped.slug }));
  expect(page.course).toMatchObject({ slug: shipped.slug, source: "content", manageable: true });
  expect(page.issues).toEqual([]);
  for (const intent of ["publish", "restore"]) expect(statusOf(await act(shipped.slug, { intent, version: "1" }))).toBe(403);
  expect(statusOf(await act(shipped.slug, { intent: "addLesson", name: "09-bai-moi", title: "Bài mới" }))).toBe(403);
  const district = await ensureUnit(db, { code: "AC11", name: "Huyện Tác Giả", level: "district", kind: "huyen", parent: unit });
  const below = await contextFor(db, await createPersonWithRole(db, "trainer", district));
  const marked = await outcome(() => course.action(routeArgs(post(`/author/${shipped.slug}`, { intent: "recertify", version: String(shipped.version), required: "true" }), below, { slug: shipped.slug })));
  expect(statusOf(marked)).toBe(403);
});

test("the live preview compiles a draft file and answers a request without a valid file name with 400", async () => {
  const send = (fields: Record<string, string>) => outcome(() => preview.action(routeArgs(post("/author/preview", fields), context)));
  expect(await send({ name: "../khong-hop-le", source: "" })).toMatchObject({ data: { ok: false, issues: [{ file: "", message: expect.any(String) }] }, init: { status: 400 } });
  expect(await send({ name: "01-bai-mo-dau.mdx", source: "---\ntitle: \"Bài mở đầu\"\nminutes: 5\n---\n\nNội dung.\n" })).toMatchObject({ ok: true });
});
