import { beforeAll, describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { cadreProgress, cadresPerPage, unitLevel } from "#app/org/learning-report.server.ts";
import { ensureUnit, type TreeUnit } from "#app/org/unit-tree.server.ts";

type Unit = TreeUnit & { name: string; level: string };

async function unit(code: string, level: string, parent: Unit | null): Promise<Unit> {
  const name = `Đơn vị ${code}`;
  return { ...(await ensureUnit(db, { code, name, level, kind: level, parent })), name, level };
}

let phone = 0;
async function people(at: Unit, count: number) {
  const rows = Array.from({ length: count }, (_, i) => ({ name: `Cán bộ ${at.name} ${String(i).padStart(2, "0")}`, phone: `0911${String(++phone).padStart(6, "0")}`, gender: "female", unitId: at.id }));
  await db.user.createMany({ data: rows });
  return db.user.findMany({ where: { unitId: at.id }, select: { id: true } });
}

async function course(slug: string) {
  return db.course.create({ data: { slug, title: slug, summary: slug, source: "content", estimatedMinutes: 10, passMark: 80, contentHash: slug }, select: { id: true } });
}

async function complete(userIds: string[], courseId: string, completed = true) {
  await db.enrollment.createMany({ data: userIds.map((userId) => ({ userId, courseId, courseVersion: 1, completedAt: completed ? new Date() : null })) });
}

// Province → districts A, B → communes A1, A2, B1, B2 → branches A1a, A1b, B1a.
let province: Unit, districtA: Unit, districtB: Unit, a1: Unit, a2: Unit, b1: Unit, a1Branch: Unit, a1Branch2: Unit, b1Branch: Unit;

beforeAll(async () => {
  province = await unit("P", "province", null);
  districtA = await unit("A", "district", province);
  districtB = await unit("B", "district", province);
  a1 = await unit("A1", "commune", districtA);
  a2 = await unit("A2", "commune", districtA);
  b1 = await unit("B1", "commune", districtB);
  await unit("B2", "commune", districtB);
  a1Branch = await unit("A1a", "branch", a1);
  a1Branch2 = await unit("A1b", "branch", a1);
  b1Branch = await unit("B1a", "branch", b1);
});

describe("ensureUnit", () => {
  test("returns the same unit when asked again", async () => {
    expect(await ensureUnit(db, { code: "A1", name: "khác", level: "commune", kind: "xa", parent: districtA })).toEqual({ id: a1.id, path: a1.path, depth: a1.depth });
    expect(await db.orgUnit.count({ where: { code: "A1" } })).toBe(1);
  });

  test("the same code under another parent is another unit", async () => {
    const elsewhere = await unit("A1", "commune", districtB);
    expect(elsewhere.id).not.toBe(a1.id);
  });

  test("paths nest by prefix and depth counts from the root", () => {
    expect(province.path).toBe(`/${province.id}/`);
    expect(a1Branch.path).toBe(`${a1.path}${a1Branch.id}/`);
    expect(a1.path.startsWith(districtA.path)).toBe(true);
    expect(b1.path.startsWith(districtA.path)).toBe(false);
    expect([province.depth, districtA.depth, a1.depth, a1Branch.depth]).toEqual([0, 1, 2, 3]);
  });
});

const today = new Date("2026-12-01T00:00:00+07:00");
const requirement = (version: number) => ({ version, publishedAt: new Date("2026-06-01") });

describe("unitLevel", () => {
  test("sums each child's subtree in the database: branch people roll up into their commune, the unit's own people stay apart, for the chosen course only", async () => {
    const [chosen, other] = [await course("chon"), await course("khac")];
    const atA1 = await people(a1, 2);
    const atA1Branch = await people(a1Branch, 3);
    const atA1Branch2 = await people(a1Branch2, 1);
    const atA2 = await people(a2, 2);
    const atB1Branch = await people(b1Branch, 4);
    const atDistrict = await people(districtA, 1);
    const empty = await unit("A3", "commune", districtA);
    await complete([atA1[0]!.id, atA1Branch[0]!.id, atA1Branch[1]!.id, atDistrict[0]!.id], chosen.id);
    await complete([atA1Branch2[0]!.id], chosen.id, false);
    await complete([atA2[0]!.id, atA2[1]!.id], other.id);
    await complete(atB1Branch.map((u) => u.id), chosen.id);

    const level = await unitLevel(db, districtA, { id: chosen.id, recertification: null }, today);
    expect(level.children.map(({ id, people, completed }) => ({ id, people, completed }))).toEqual([
      { id: a1.id, people: 6, completed: 3 },
      { id: a2.id, people: 2, completed: 0 },
      { id: empty.id, people: 0, completed: 0 },
    ]);
    expect(level.own).toEqual({ people: 1, completed: 1 });
    expect(level.total).toEqual({ people: 9, completed: 4 });
    expect(level.elsewhere).toEqual([]);

    const fromProvince = await unitLevel(db, province, { id: chosen.id, recertification: null }, today);
    expect(fromProvince.children.map(({ id, people, completed }) => ({ id, people, completed }))).toEqual([
      { id: districtA.id, people: 9, completed: 4 },
      { id: districtB.id, people: 4, completed: 4 },
    ]);
    expect(fromProvince.own).toEqual({ people: 0, completed: 0 });
  });

  test("a completion due for re-certification is not completed, and the cadre table says so for the same people", async () => {
    const top = await unit("R", "province", null);
    const [c1, c2] = [await unit("R1", "commune", top), await unit("R2", "commune", top)];
    const refreshed = await course("lam-lai");
    const [old, current, unfinished] = [await people(c1, 3), await people(c2, 2), await people(await unit("R2a", "branch", c2), 2)];
    const enrol = (ids: { id: string }[], courseVersion: number, completedAt: Date | null) =>
      db.enrollment.createMany({ data: ids.map(({ id }) => ({ userId: id, courseId: refreshed.id, courseVersion, completedAt })) });
    await enrol(old, 1, new Date("2026-03-01"));
    await enrol(current.slice(0, 1), 2, new Date("2026-07-01"));
    await enrol(current.slice(1), 1, new Date("2026-03-01"));
    await enrol(unfinished, 2, null);
    const catalogCourse = { id: refreshed.id, recertification: requirement(2) };

    const level = await unitLevel(db, top, catalogCourse, today);
    expect(level.children.map(({ id, people, completed }) => ({ id, people, completed }))).toEqual([
      { id: c1.id, people: 3, completed: 0 },
      { id: c2.id, people: 4, completed: 1 },
    ]);
    for (const [i, child] of level.children.entries()) {
      const { rows } = await cadreProgress(db, [c1, c2][i]!, 1, [catalogCourse], child.people);
      const done = rows.filter((r) => r.courses[refreshed.id]?.completedAt && !r.courses[refreshed.id]!.needsRefresh);
      expect(done).toHaveLength(child.completed);
      expect(rows).toHaveLength(child.people);
    }
    expect((await unitLevel(db, top, { ...catalogCourse, recertification: null }, today)).total).toEqual({ people: 7, completed: 5 });
  });

  test("children are those on the tree on the day: one closed before it or formed after it is named apart, still in the total", async () => {
    const merged = new Date("2025-07-01T00:00:00+07:00");
    const top = await ensureUnit(db, { code: "V", name: "Tỉnh Cũ", level: "province", kind: "tinh", parent: null });
    const closing = await ensureUnit(db, { code: "V1", name: "Huyện Cũ", level: "district", kind: "huyen", parent: top, validTo: merged });
    const forming = await ensureUnit(db, { code: "V2", name: "Xã Mới", level: "commune", kind: "xa", parent: top, validFrom: merged });
    await people({ ...closing, name: "Huyện Cũ", level: "district" }, 2);
    const noCourse = { id: (await course("ngay")).id, recertification: null };
    const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

    const before = await unitLevel(db, top, noCourse, new Date("2025-06-30T00:00:00+07:00"));
    expect([ids(before.children), ids(before.elsewhere)]).toEqual([[closing.id], [forming.id]]);
    const onTheDay = await unitLevel(db, top, noCourse, merged);
    expect([ids(onTheDay.children), ids(onTheDay.elsewhere)]).toEqual([[forming.id], [closing.id]]);
    expect(onTheDay.elsewhere[0]).toMatchObject({ people: 2, validTo: merged });
    expect(onTheDay.total.people).toBe(2);
  });
});

describe("cadreProgress", () => {
  test("lists a page in tree order, then by name", async () => {
    const commune = await unit("O1", "commune", await unit("O", "district", province));
    const branch = await unit("O1a", "branch", commune);
    await db.user.createMany({ data: ["Lê Thị B", "Lê Thị A"].map((name) => ({ name, phone: `0911${String(++phone).padStart(6, "0")}`, gender: "female", unitId: branch.id })) });
    await db.user.create({ data: { name: "Trần Thị Z", phone: `0911${String(++phone).padStart(6, "0")}`, gender: "female", unitId: commune.id } });
    const { rows } = await cadreProgress(db, commune, 1, [], 3);
    expect(rows.map((r) => [r.name, r.unitName])).toEqual([["Trần Thị Z", commune.name], ["Lê Thị A", branch.name], ["Lê Thị B", branch.name]]);
  });

  test("pages by 50 through exactly the people of the subtree", async () => {
    const branch = await unit("A2a", "branch", a2);
    await people(branch, 60);
    await people(await unit("B1b", "branch", b1), 5);
    const inSubtree = await db.user.findMany({ where: { unit: { path: { startsWith: districtA.path } } }, select: { id: true } });
    expect(inSubtree.length).toBeGreaterThan(cadresPerPage);

    const { total } = await unitLevel(db, districtA, null, today);
    expect(total).toEqual({ people: inSubtree.length, completed: 0 });
    const first = await cadreProgress(db, districtA, 1, [], total.people);
    const second = await cadreProgress(db, districtA, 2, [], total.people);
    expect(cadresPerPage).toBe(50);
    expect(first.rows).toHaveLength(50);
    expect(first.pages).toBe(Math.ceil(inSubtree.length / 50));
    const seen = [...first.rows, ...second.rows].map((r) => r.id);
    expect(new Set(seen).size).toBe(seen.length);
    expect(new Set(seen)).toEqual(new Set(inSubtree.map((u) => u.id)));
  });

  test("namesakes in one unit are each listed exactly once across pages", async () => {
    const commune = await unit("N1", "commune", await unit("N", "district", province));
    const rows = Array.from({ length: 400 }, () => ({ name: "Nguyễn Thị Lan", phone: `0911${String(++phone).padStart(6, "0")}`, gender: "female", unitId: commune.id }));
    await db.user.createMany({ data: rows });
    const pages = await Promise.all([1, 2, 3, 4, 5, 6, 7, 8].map((page) => cadreProgress(db, commune, page, [], 400)));
    const seen = pages.flatMap((p) => p.rows.map((r) => r.id));
    expect(seen).toHaveLength(400);
    expect(new Set(seen).size).toBe(400);
  });

  test("a page past the end is empty and an empty subtree still has one page", async () => {
    const empty = await unit("P2", "province", null);
    expect(await cadreProgress(db, empty, 1, [], 0)).toEqual({ rows: [], pages: 1 });
    expect((await cadreProgress(db, districtB, 99, [], 4)).rows).toEqual([]);
  });
});
