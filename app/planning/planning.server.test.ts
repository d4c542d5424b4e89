import { beforeAll, describe, expect, test } from "vitest";
import type { Catalog, CatalogCourse } from "#app/courses/catalog.server.ts";
import { db } from "#app/db.server.ts";
import { vietnamDay } from "#app/org/days.ts";
import { ensureUnit, type TreeUnit } from "#app/org/unit-tree.server.ts";
import { upsertPerson } from "#app/people/people.server.ts";
import { ensurePlanningDefaults } from "./defaults.server.ts";
import { activeEntries, listFacts, rulesFor, termByKey, type PlanningTerm } from "./lists.server.ts";
import { readinessOf } from "./readiness.server.ts";

let old: PlanningTerm, current: PlanningTerm;
let communeA: TreeUnit, communeB: TreeUnit;
let n = 0;

async function person(unit: TreeUnit, over: { gender?: "female" | "male"; birthDate?: Date; partyMember?: boolean; theoryLevel?: string } = {}) {
  n += 1;
  const user = await upsertPerson(db, { name: `Cán bộ ${n}`, phone: `0912${String(n).padStart(6, "0")}`, gender: over.gender ?? "female", unitId: unit.id }, null);
  await db.user.update({ where: { id: user.id }, data: { birthDate: over.birthDate ?? vietnamDay(1985, 3, 1), partyMember: over.partyMember ?? true, theoryLevel: over.theoryLevel ?? "trung_cap" } });
  return user.id;
}
const plan = (userId: string, unit: TreeUnit, term: PlanningTerm, position: string) =>
  db.planningEntry.create({ data: { userId, unitId: unit.id, termId: term.id, position, status: "proposed" }, select: { id: true } });

beforeAll(async () => {
  await ensurePlanningDefaults(db);
  await ensurePlanningDefaults(db); // idempotent
  old = (await termByKey(db, "2020-2025"))!;
  current = (await termByKey(db, "2025-2030"))!;
  communeA = await ensureUnit(db, { code: "PA", name: "Xã A", level: "commune", kind: "xa", parent: null });
  communeB = await ensureUnit(db, { code: "PB", name: "Xã B", level: "commune", kind: "xa", parent: null });
});

test("the defaults exist once: two terms, five procedure steps under each of two guidances, requirements for every planning position at every level", async () => {
  expect(await db.term.count()).toBe(2);
  expect(await db.planningProcedureStep.count()).toBe(10);
  const positions = await db.positionRequirement.groupBy({ by: ["position", "unitLevel"] });
  expect(positions).toHaveLength(8 * 3);
});

describe("the rules of the day a list is judged on", () => {
  test("2024: QĐ 50; today: QĐ 377, which replaced it on 8/10/2025; the 2020–2025 list keeps QĐ 50 after its term", async () => {
    const source = async (term: PlanningTerm, day: Date) => (await rulesFor(db, term, day)).get("planning-women-share")?.source;
    expect(await source(current, vietnamDay(2024, 6, 1)!)).toMatch(/^Quy định 50-QĐ\/TW/);
    expect(await source(current, vietnamDay(2025, 10, 8)!)).toMatch(/^Quy định 377-QĐ\/TW/);
    expect(await source(current, vietnamDay(2026, 12, 4)!)).toMatch(/^Quy định 377-QĐ\/TW/);
    expect(await source(old, vietnamDay(2026, 12, 4)!)).toMatch(/^Quy định 50-QĐ\/TW/);
    // Before QĐ 50 there was no such rule in force: no warning can name one.
    expect(await source(old, vietnamDay(2020, 6, 1)!)).toBeUndefined();
  });
});

test("the facts of a list: young by the level's age on the day, positions counted across units of the same level", async () => {
  const young = await person(communeA, { birthDate: vietnamDay(1993, 1, 1)! }); // 33 on 4/12/2026: under 35
  const elder = await person(communeA, { birthDate: vietnamDay(1980, 1, 1)!, gender: "male" });
  await plan(young, communeA, current, "dang_pho_bi_thu");
  await plan(elder, communeA, current, "dang_bi_thu");
  await plan(elder, communeB, current, "dang_bi_thu");
  await plan(elder, communeB, current, "dang_pho_bi_thu");
  await plan(elder, communeB, old, "dang_pho_bi_thu"); // another term: not counted
  const day = vietnamDay(2026, 12, 4)!;
  const rules = await rulesFor(db, current, day);
  const facts = await listFacts(db, await activeEntries(db, [communeA.id], current), current, rules, day);
  const a = facts.get(communeA.id)!;
  expect(a.find((f) => f.userId === young)).toMatchObject({ young: true, female: true, positionsAtLevel: 1 });
  expect(a.find((f) => f.userId === elder)).toMatchObject({ young: false, female: false, positionsAtLevel: 3 });
});

test("readiness follows training as it is: completing the missing course makes her ready with no other write", async () => {
  const cadre = await person(communeA);
  const courses = await Promise.all(
    ["nghi-quyet-chi-thi-ve-cong-tac-phu-nu", "van-dong-tap-hop-hoi-vien"].map((slug) =>
      db.course.create({ data: { slug, title: slug, summary: "", source: "content", estimatedMinutes: 10, passMark: 80, contentHash: slug } }),
    ),
  );
  const catalog = { courses: courses.map((c) => ({ id: c.id, slug: c.slug, recertification: null }) as unknown as CatalogCourse) } as Catalog;
  const entry = await plan(cadre, communeA, current, "dang_pho_bi_thu");
  await db.enrollment.create({ data: { userId: cadre, courseId: courses[1]!.id, completedAt: new Date(), courseVersion: 1 } });
  const pending = await db.enrollment.create({ data: { userId: cadre, courseId: courses[0]!.id, courseVersion: 1 } });
  const planned = [{ entryId: entry.id, position: "dang_pho_bi_thu", unitLevel: "commune", termEndsOn: current.endsOn, user: (await db.user.findUniqueOrThrow({ where: { id: cadre } })) }];
  const before = (await readinessOf(db, planned, new Date(), catalog)).get(entry.id)!;
  expect(before.state).toBe("gaps");
  expect(before.gaps).toEqual([expect.objectContaining({ kind: "course", course: "nghi-quyet-chi-thi-ve-cong-tac-phu-nu" })]);
  await db.enrollment.update({ where: { id: pending.id }, data: { completedAt: new Date() } });
  expect((await readinessOf(db, planned, new Date(), catalog)).get(entry.id)!.state).toBe("ready");
});
