import { beforeAll, describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { cadreProgress, cadresPerPage, communeCompletion } from "#app/org/learning-report.server.ts";
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

describe("communeCompletion", () => {
  test("counts only the district's communes, rolling branch people up to their commune, for the chosen course only", async () => {
    const [chosen, other] = [await course("chon"), await course("khac")];
    const atA1 = await people(a1, 2);
    const atA1Branch = await people(a1Branch, 3);
    const atA1Branch2 = await people(a1Branch2, 1);
    const atA2 = await people(a2, 2);
    const atB1Branch = await people(b1Branch, 4);
    await complete([atA1[0]!.id, atA1Branch[0]!.id, atA1Branch[1]!.id], chosen.id);
    await complete([atA1Branch2[0]!.id], chosen.id, false);
    await complete([atA2[0]!.id, atA2[1]!.id], other.id);
    await complete(atB1Branch.map((u) => u.id), chosen.id);

    const rows = await communeCompletion(db, districtA, chosen.id);
    expect(rows).toHaveLength(2);
    expect(rows).toEqual(
      expect.arrayContaining([
        { id: a1.id, name: a1.name, parentName: districtA.name, people: 6, completed: 3 },
        { id: a2.id, name: a2.name, parentName: districtA.name, people: 2, completed: 0 },
      ]),
    );
  });
});

describe("cadreProgress", () => {
  test("pages by 50 through exactly the people of the subtree", async () => {
    const branch = await unit("A2a", "branch", a2);
    await people(branch, 60);
    await people(await unit("B1b", "branch", b1), 5);
    const inSubtree = await db.user.findMany({ where: { unit: { path: { startsWith: districtA.path } } }, select: { id: true } });
    expect(inSubtree.length).toBeGreaterThan(cadresPerPage);

    const first = await cadreProgress(db, districtA, 1, []);
    const second = await cadreProgress(db, districtA, 2, []);
    expect(cadresPerPage).toBe(50);
    expect(first.rows).toHaveLength(50);
    expect(first).toMatchObject({ total: inSubtree.length, pages: Math.ceil(inSubtree.length / 50) });
    const seen = [...first.rows, ...second.rows].map((r) => r.id);
    expect(new Set(seen).size).toBe(seen.length);
    expect(new Set(seen)).toEqual(new Set(inSubtree.map((u) => u.id)));
  });

  test("namesakes in one unit are each listed exactly once across pages", async () => {
    const commune = await unit("N1", "commune", await unit("N", "district", province));
    const rows = Array.from({ length: 400 }, () => ({ name: "Nguyễn Thị Lan", phone: `0911${String(++phone).padStart(6, "0")}`, gender: "female", unitId: commune.id }));
    await db.user.createMany({ data: rows });
    const pages = await Promise.all([1, 2, 3, 4, 5, 6, 7, 8].map((page) => cadreProgress(db, commune, page, [])));
    const seen = pages.flatMap((p) => p.rows.map((r) => r.id));
    expect(seen).toHaveLength(400);
    expect(new Set(seen).size).toBe(400);
  });

  test("a page past the end is empty and an empty subtree still has one page", async () => {
    const empty = await unit("P2", "province", null);
    expect(await cadreProgress(db, empty, 1, [])).toEqual({ rows: [], total: 0, pages: 1 });
    expect((await cadreProgress(db, districtB, 99, [])).rows).toEqual([]);
  });
});
