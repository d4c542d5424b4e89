import { beforeAll, expect, test } from "vitest";
import type { Catalog } from "#app/courses/catalog.server.ts";
import { db } from "#app/db.server.ts";
import { vietnamDay } from "#app/org/days.ts";
import { ensureUnit, type TreeUnit } from "#app/org/unit-tree.server.ts";
import { upsertPerson } from "#app/people/people.server.ts";
import { ensureDefaultPolicies } from "#app/policy/policy.server.ts";
import type { PlanningTerm } from "./lists.server.ts";
import { stagePeople, unitPipeline } from "./pipeline.server.ts";

const day = (y: number, m: number, d: number) => vietnamDay(y, m, d)!;
const today = day(2026, 3, 1);
let term: PlanningTerm;
let catalog: Catalog;
let district: TreeUnit & { name: string; level: string };
const units = {} as Record<"c1" | "c2" | "c3", TreeUnit>;
const people = {} as Record<"a" | "b" | "c" | "d" | "e", string>;

/**
 * District D with communes C1, C2, C3, judged on 1/3/2026 in a 2025–2030-like term. A course X is required
 * of every hoi_chu_tich of D (CourseRequirement) and for readiness as commune hoi_chu_tich (PositionRequirement).
 * a (F, C1): hoi_chu_tich of C1, completed X, planned hoi_chu_tich of C1, elected to C1's Union standing board.
 * b (F, C1): hoi_pho_chu_tich of C1, assigned course Y by name and completed it (trained), planned hoi_chu_tich of C1 (X missing: not ready).
 * c (M, C2): dang_bi_thu of C2 until 1/1/2025 (no longer a cadre), planned dang_pho_bi_thu of C2 (nothing required: ready), elected.
 * d (F, C2): hoi_chu_tich of C2, completed X; not planned.
 * e (M, D): planned at D, but removed: counts nowhere.
 */
beforeAll(async () => {
  await ensureDefaultPolicies(db);
  term = await db.term.create({ data: { key: "2025-2030-ong-dan", startsOn: day(2025, 7, 1), endsOn: day(2030, 7, 1), treeOn: day(2025, 7, 1) }, select: { id: true, key: true, startsOn: true, endsOn: true, treeOn: true } });
  const d = await ensureUnit(db, { code: "OD", name: "Huyện Ống Dẫn", level: "district", kind: "huyen", parent: null });
  district = { ...d, name: "Huyện Ống Dẫn", level: "district" };
  for (const [key, name] of [["c1", "Xã Một"], ["c2", "Xã Hai"], ["c3", "Xã Ba"]] as const)
    units[key] = await ensureUnit(db, { code: `OD-${key}`, name, level: "commune", kind: "xa", parent: d });
  const course = await db.course.create({ data: { slug: "khoa-x-ong-dan", title: "X", summary: "s", source: "content", estimatedMinutes: 1, passMark: 80, contentHash: "h" }, select: { id: true, slug: true } });
  const assigned = await db.course.create({ data: { slug: "khoa-y-ong-dan", title: "Y", summary: "s", source: "content", estimatedMinutes: 1, passMark: 80, contentHash: "h" }, select: { id: true, slug: true } });
  catalog = { courses: [course, assigned].map((c) => ({ id: c.id, slug: c.slug, recertification: null })), bySlug: new Map() } as unknown as Catalog;
  const person = async (name: string, gender: "female" | "male", unitId: string, phone: string) => (await upsertPerson(db, { name, phone, gender, unitId }, null)).id;
  people.a = await person("An", "female", units.c1.id, "0911000001");
  people.b = await person("Bình", "female", units.c1.id, "0911000002");
  people.c = await person("Cường", "male", units.c2.id, "0911000003");
  people.d = await person("Dung", "female", units.c2.id, "0911000004");
  people.e = await person("Em", "male", d.id, "0911000005");
  const from = day(2020, 1, 1);
  await db.positionHolding.createMany({
    data: [
      { userId: people.a, unitId: units.c1.id, position: "hoi_chu_tich", from },
      { userId: people.b, unitId: units.c1.id, position: "hoi_pho_chu_tich", from },
      { userId: people.c, unitId: units.c2.id, position: "dang_bi_thu", from, to: day(2025, 1, 1) },
      { userId: people.d, unitId: units.c2.id, position: "hoi_chu_tich", from },
    ],
  });
  await db.courseRequirement.create({ data: { courseId: course.id, unitId: d.id, position: "hoi_chu_tich", dueOn: day(2026, 1, 1), createdById: "kiem-thu" } });
  await db.positionRequirement.create({ data: { position: "hoi_chu_tich", unitLevel: "commune", kind: "course", value: course.slug, source: "thử", effectiveFrom: day(2019, 1, 1) } });
  for (const userId of [people.a, people.d]) await db.enrollment.create({ data: { userId, courseId: course.id, courseVersion: 1, completedAt: day(2025, 5, 1) } });
  await db.courseAssignment.create({ data: { userId: people.b, courseId: assigned.id, dueOn: day(2026, 1, 1) } });
  await db.enrollment.create({ data: { userId: people.b, courseId: assigned.id, courseVersion: 1, completedAt: day(2025, 6, 1) } });
  const entry = (userId: string, unitId: string, position: string, status = "approved") => ({ userId, unitId, termId: term.id, position, status });
  await db.planningEntry.createMany({
    data: [
      entry(people.a, units.c1.id, "hoi_chu_tich"),
      entry(people.b, units.c1.id, "hoi_chu_tich", "proposed"),
      entry(people.c, units.c2.id, "dang_pho_bi_thu"),
      entry(people.e, d.id, "hoi_chu_tich", "removed"),
    ],
  });
  const committee = (unitId: string, kind: string) => db.committee.create({ data: { unitId, termId: term.id, kind, seats: 5, formedOn: day(2025, 9, 1) }, select: { id: true } });
  const [u1, p2] = [await committee(units.c1.id, "union_standing"), await committee(units.c2.id, "party_standing")];
  await db.committeeMember.createMany({
    data: [
      { committeeId: u1.id, userId: people.a, position: "hoi_chu_tich", how: "elected", on: day(2025, 9, 1) },
      { committeeId: p2.id, userId: people.c, position: "dang_pho_bi_thu", how: "elected", on: day(2025, 9, 1) },
    ],
  });
  await db.membershipReport.createMany({
    data: [
      { unitId: units.c1.id, year: 2026, half: 1, womenAdult: 400, members: 100 },
      { unitId: units.c2.id, year: 2026, half: 1, womenAdult: 200, members: 50 },
    ],
  });
});

test("the pipeline counts each stage by gender for the subtree, each person once", async () => {
  const { total } = await unitPipeline(db, district, term, today, catalog);
  expect(total).toEqual({
    members: 150,
    cadres: { female: 3, male: 0 },
    trained: { female: 3, male: 0 },
    planned: { female: 2, male: 1 },
    plannedTrained: { female: 2, male: 0 },
    ready: { female: 1, male: 1 },
    elected: { female: 1, male: 1 },
    plannedElected: { female: 1, male: 1 },
  });
});

test("children come worst first: nobody planned, then the lowest women's share of the planned", async () => {
  const { children, targets } = await unitPipeline(db, district, term, today, catalog);
  expect(children.map((c) => [c.name, c.figures.planned, c.figures.members])).toEqual([
    ["Xã Ba", { female: 0, male: 0 }, null],
    ["Xã Hai", { female: 0, male: 1 }, 50],
    ["Xã Một", { female: 2, male: 0 }, 100],
  ]);
  // 2 of 3 planned are women (66.7 %) against 50 % from 2026; both planned women trained (100 %) against 90 %.
  expect(targets.plannedWomen).toMatchObject({ value: 0.5, met: true });
  expect(targets.plannedWomenTrained).toMatchObject({ value: 0.9, met: true });
});

test("a stage's list names the people behind its figure", async () => {
  const list = (stage: Parameters<typeof stagePeople>[3], gender: "female" | "male") => stagePeople(db, district, term, stage, gender, 1, today, catalog);
  expect((await list("trained", "female")).rows.map((r) => r.name)).toEqual(["An", "Bình", "Dung"]);
  expect(await list("ready", "female")).toEqual({ total: 1, page: 1, pages: 1, rows: [{ id: people.a, name: "An", unit: "Xã Một" }] });
  expect((await list("elected", "male")).rows.map((r) => r.name)).toEqual(["Cường"]);
  expect((await list("cadres", "male")).total).toBe(0);
});

test("cadres are those holding a position on the judged day", async () => {
  const { total } = await unitPipeline(db, district, term, day(2024, 12, 31), catalog);
  expect(total.cadres).toEqual({ female: 3, male: 1 });
});
