import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test, vi } from "vitest";
import { db } from "#app/db.server.ts";
import { lessonMdx, tinyCourse, writeContentRoot, type CourseFiles } from "#tests/unit/course-fixture.ts";
import { buildCatalog, catalogStore } from "./catalog.server.ts";
import { ContentError } from "./content-error.ts";
import { htmlByKey } from "./html-registry.server.ts";

test("the catalog follows re-certification marks and new versions made by any instance", async () => {
  const getCatalog = catalogStore(db, writeContentRoot({ "khoa-mau": tinyCourse() }), { watch: false, recheckMs: 0 });
  const first = await getCatalog();
  const course = first.bySlug.get("khoa-mau")!;
  expect(course.recertification).toBeNull();
  expect(await getCatalog()).toBe(first);

  // Another instance marks the current version: the next check rebuilds with the mark.
  await db.courseVersion.update({ where: { courseId_version: { courseId: course.id, version: course.version } }, data: { requiresRecertification: true } });
  const marked = await getCatalog();
  expect(marked).not.toBe(first);
  expect(marked.bySlug.get("khoa-mau")!.recertification?.version).toBe(course.version);
});

test("between checks the catalog is served from memory, and invalidate() forces the next check", async () => {
  const getCatalog = catalogStore(db, writeContentRoot({ "khoa-nho": tinyCourse() }), { watch: false, recheckMs: 60_000 });
  const first = await getCatalog();
  const course = first.bySlug.get("khoa-nho")!;
  await db.courseVersion.update({ where: { courseId_version: { courseId: course.id, version: course.version } }, data: { requiresRecertification: true } });
  expect(await getCatalog()).toBe(first);
  getCatalog.invalidate();
  expect((await getCatalog()).bySlug.get("khoa-nho")!.recertification).not.toBeNull();
});

test("instances starting together agree on one version of a new course, and of a changed one", async () => {
  const versions = async (files: ReturnType<typeof tinyCourse>) => {
    const root = writeContentRoot({ "khoa-chung": files });
    const catalogs = await Promise.all(Array.from({ length: 4 }, () => buildCatalog(db, root)));
    return catalogs.map((c) => c.bySlug.get("khoa-chung")!.version);
  };
  expect(await versions(tinyCourse())).toEqual([1, 1, 1, 1]);
  expect(await versions(tinyCourse("Thêm một câu."))).toEqual([2, 2, 2, 2]);
  const course = await db.course.findUniqueOrThrow({ where: { slug: "khoa-chung" }, select: { versions: { select: { version: true } } } });
  expect(course.versions.map((v) => v.version).sort()).toEqual([1, 2]);
});

const titled = (files: CourseFiles, title: string, order?: number) => ({
  ...files,
  "course.mdx": files["course.mdx"]!.replace('title: "Khóa học thử"', `title: "${title}"${order === undefined ? "" : `\norder: ${order}`}`),
});

test("courses are listed by their order, then by title as Vietnamese sorts it, each mirrored in the database", async () => {
  const root = writeContentRoot({
    "a-sau-cung": titled(tinyCourse(), "Ôn tập cuối năm", 5),
    "b-dau-tien": titled(tinyCourse(), "Tập huấn mở đầu", 1),
    "c-em-hoc": titled(tinyCourse(), "Em học làm hội", 3),
    "d-dao-tao": titled(tinyCourse(), "Đào tạo chi hội", 3),
  });
  const catalog = await buildCatalog(db, root);
  expect(catalog.courses.map((c) => c.slug).filter((slug) => /^[a-d]-/.test(slug))).toEqual(["b-dau-tien", "d-dao-tao", "c-em-hoc", "a-sau-cung"]);
  expect(catalog.bySlug.get("d-dao-tao")).toMatchObject({ source: "content", ownerUnitId: null, version: 1 });
  expect(await db.course.findUniqueOrThrow({ where: { slug: "d-dao-tao" }, select: { title: true, summary: true, passMark: true, estimatedMinutes: true, source: true } })).toEqual({
    title: "Đào tạo chi hội",
    summary: "Một khóa học nhỏ dùng để kiểm thử.",
    passMark: 100,
    estimatedMinutes: 15,
    source: "content",
  });
});

test("a re-certification mark applies to its own course only", async () => {
  const getCatalog = catalogStore(db, writeContentRoot({ "khoa-danh-dau": tinyCourse(), "khoa-khong-danh-dau": tinyCourse("Khác.") }), { watch: false, recheckMs: 0 });
  const course = (await getCatalog()).bySlug.get("khoa-danh-dau")!;
  await db.courseVersion.update({ where: { courseId_version: { courseId: course.id, version: course.version } }, data: { requiresRecertification: true } });
  const catalog = await getCatalog();
  expect(catalog.bySlug.get("khoa-danh-dau")!.recertification?.version).toBe(course.version);
  expect(catalog.bySlug.get("khoa-khong-danh-dau")!.recertification).toBeNull();
});

test("an instance that builds the catalog answers for its lessons' HTML and quiz words before it shows any page", async () => {
  const course = (await buildCatalog(db, writeContentRoot({ "khoa-tu-dien": tinyCourse("Đoạn riêng của khóa này.") }))).bySlug.get("khoa-tu-dien")!;
  // The keys come from another app instance, with its own module state, which showed the pages.
  vi.resetModules();
  const other = await import("./html-registry.server.ts");
  const keys = other.pageParts([...course.intro.parts, ...course.lessons.flatMap((l) => l.compiled.parts)]).flatMap((p) => ("htmlKey" in p ? [p.htmlKey] : []));
  const quizKey = (other.pageQuiz(course.quiz!).text as { key: string }).key;
  expect(keys.map(htmlByKey)).toContainEqual(expect.stringContaining("Đoạn riêng của khóa này."));
  expect(keys.map(htmlByKey)).not.toContain(undefined);
  expect(JSON.parse(htmlByKey(quizKey)!)).toMatchObject({ q1: "Một cộng một?" });
});

test("by default the catalog is checked again after a second", async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  try {
    const getCatalog = catalogStore(db, writeContentRoot({ "khoa-mot-giay": tinyCourse() }), { watch: false });
    const first = await getCatalog();
    const course = first.bySlug.get("khoa-mot-giay")!;
    await db.courseVersion.update({ where: { courseId_version: { courseId: course.id, version: course.version } }, data: { requiresRecertification: true } });
    vi.advanceTimersByTime(999);
    expect(await getCatalog()).toBe(first);
    vi.advanceTimersByTime(1);
    expect((await getCatalog()).bySlug.get("khoa-mot-giay")!.recertification).not.toBeNull();
  } finally {
    vi.useRealTimers();
  }
});

test("in development an edited content file shows on the next check", async () => {
  const root = writeContentRoot({ "khoa-dang-sua": tinyCourse() });
  const getCatalog = catalogStore(db, root, { watch: true, recheckMs: 0 });
  const lessonHtml = async () => JSON.stringify((await getCatalog()).bySlug.get("khoa-dang-sua")!.lessons[0]!.compiled.parts);
  expect(await lessonHtml()).not.toContain("Câu mới sửa.");
  writeFileSync(path.join(root, "khoa-dang-sua", "01-mo-dau.mdx"), tinyCourse("Câu mới sửa.")["01-mo-dau.mdx"]!);
  expect(await lessonHtml()).toContain("Câu mới sửa.");
});

test("broken content fails the catalog at once, and once fixed the next check builds it", async () => {
  const files = tinyCourse();
  const root = writeContentRoot({ "khoa-hong": { ...files, "01-mo-dau.mdx": lessonMdx("Mở đầu", "Chữ {1 + 1}.") } });
  const getCatalog = catalogStore(db, root, { watch: false, recheckMs: 0 });
  await expect(getCatalog()).rejects.toBeInstanceOf(ContentError);
  writeFileSync(path.join(root, "khoa-hong", "01-mo-dau.mdx"), files["01-mo-dau.mdx"]!);
  expect((await getCatalog()).bySlug.has("khoa-hong")).toBe(true);
});

describe("a database error while mirroring content", () => {
  // The client as another process sees it while it loses the race for the write lock: `failures` times.
  function lockedDb(failures: number) {
    const tried = { count: 0 };
    const client = new Proxy(db, {
      get(target, property) {
        if (property !== "$transaction") return Reflect.get(target, property);
        return (...args: Parameters<typeof db.$transaction>) => (++tried.count <= failures ? Promise.reject(new Error("database is locked")) : target.$transaction(...args));
      },
    });
    return { client, tried };
  }

  test("is tried again, and the catalog is built", async () => {
    const { client, tried } = lockedDb(2);
    const catalog = await catalogStore(client, writeContentRoot({ "khoa-thu-lai": tinyCourse() }), { watch: false })();
    expect(catalog.bySlug.get("khoa-thu-lai")?.version).toBe(1);
    expect(tried.count).toBe(3);
  });

  test("that persists fails the catalog after five tries", async () => {
    const { client, tried } = lockedDb(Infinity);
    await expect(catalogStore(client, writeContentRoot({ "khoa-khoa-chet": tinyCourse() }), { watch: false })()).rejects.toThrow("database is locked");
    expect(tried.count).toBe(5);
  });
});
