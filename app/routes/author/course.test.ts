import { beforeAll, expect, test } from "vitest";
import { editorSnippets } from "#app/components/mdx/registry.server.ts";
import { db } from "#app/db.server.ts";
import { ensureUnit } from "#app/org/unit-tree.server.ts";
import { createPersonWithRole } from "#tests/unit/people.ts";
import { contextFor, get, outcome, post, routeArgs, statusOf } from "#tests/unit/route-args.ts";
import * as course from "./course.tsx";
import * as file from "./file.tsx";
import * as index from "./index.tsx";

// A trainer's path through authoring: create a course, add a lesson, edit it, publish, mark re-certification.
let context: Awaited<ReturnType<typeof contextFor>>;
beforeAll(async () => {
  const unit = await ensureUnit(db, { code: "AC1", name: "Tỉnh Tác Giả", level: "province", kind: "tinh", parent: null });
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

test("a draft file is saved and the editor comes back to it; unknown files and oversized drafts are refused", async () => {
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
