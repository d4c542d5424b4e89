import { beforeAll, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { ensureUnit, type TreeUnit } from "#app/org/unit-tree.server.ts";
import { ensurePlanningDefaults } from "#app/planning/defaults.server.ts";
import { createPersonWithRole } from "#tests/unit/people.ts";
import { contextFor, get, outcome, routeArgs, statusOf } from "#tests/unit/route-args.ts";
import { loader } from "./index.tsx";

let district: TreeUnit;
let commune: TreeUnit;
let neighbour: TreeUnit;
let organizer: Awaited<ReturnType<typeof contextFor>>;

beforeAll(async () => {
  await ensurePlanningDefaults(db);
  const province = await ensureUnit(db, { code: "QI0", name: "Tỉnh Chỉ Mục", level: "province", kind: "tinh", parent: null });
  district = await ensureUnit(db, { code: "QI1", name: "Huyện Chỉ Mục", level: "district", kind: "huyen", parent: province });
  commune = await ensureUnit(db, { code: "QI11", name: "Xã Bắc", level: "commune", kind: "xa", parent: district });
  await ensureUnit(db, { code: "QI12", name: "Xã An", level: "commune", kind: "xa", parent: district });
  await ensureUnit(db, { code: "QI11a", name: "Chi hội Bắc", level: "branch", kind: "ap", parent: commune });
  neighbour = await ensureUnit(db, { code: "QI2", name: "Huyện Bên Cạnh", level: "district", kind: "huyen", parent: province });
  const organizerId = await createPersonWithRole(db, "organizer", district);
  organizer = await contextFor(db, organizerId);
  const term = await db.term.findUniqueOrThrow({ where: { key: "2025-2030" }, select: { id: true } });
  const planned = await createPersonWithRole(db, "learner", commune);
  await db.planningEntry.create({ data: { userId: planned, unitId: commune.id, termId: term.id, position: "dang_bi_thu", status: "proposed" } });
}, 120_000);

const read = async (query: string, context = organizer) => outcome(() => loader(routeArgs(get(`/org/planning?${query}`), context)));
type Index = Awaited<ReturnType<typeof loader>>;

test("without a unit: the roots of the reader's scope, for the term in force", async () => {
  const page = (await read("")) as Index;
  expect(page).toMatchObject({ term: { key: "2025-2030" }, unit: null, trail: [], self: null, canEditRules: false });
  expect(page.terms).toContain("2025-2030");
  expect(page.rows).toEqual([{ id: district.id, name: "Huyện Chỉ Mục", hasList: true, planned: 0, below: true }]);
});

test("a unit: itself, then its children that keep a list (no branches), by name, with how many each has planned", async () => {
  const page = (await read(`unit=${district.id}&term=2025-2030`)) as Index;
  expect(page.unit).toEqual({ id: district.id, name: "Huyện Chỉ Mục" });
  expect(page.trail).toEqual([{ id: district.id, name: "Huyện Chỉ Mục" }]);
  expect(page.self).toEqual({ id: district.id, name: "Huyện Chỉ Mục", hasList: true, planned: 0, below: true });
  expect(page.rows.map((r) => [r.name, r.planned, r.below])).toEqual([["Xã An", 0, false], ["Xã Bắc", 1, false]]);
});

test("an admin may edit the rules; a unit outside, an unknown one and an unknown term are not found, an empty unit is a bad request, a trainer is refused", async () => {
  const admin = await contextFor(db, await createPersonWithRole(db, "admin", district));
  expect(((await read(`unit=${district.id}`, admin)) as Index).canEditRules).toBe(true);
  for (const query of [`unit=${neighbour.id}`, "unit=khong-co", "term=1990-1995"]) expect(statusOf(await read(query))).toBe(404);
  expect(statusOf(await read("unit="))).toBe(400);
  expect(statusOf(await read("", await contextFor(db, await createPersonWithRole(db, "trainer", district))))).toBe(403);
});

test("a commune: itself with how many it has planned, and no branches below; a unit closed before the term's tree is left out; several scopes are listed by name", async () => {
  const page = (await read(`unit=${commune.id}&term=2025-2030`)) as Index;
  expect(page.self).toEqual({ id: commune.id, name: "Xã Bắc", hasList: true, planned: 1, below: false });
  expect(page.rows).toEqual([]);

  await ensureUnit(db, { code: "QI13", name: "Xã Đã Giải Thể", level: "commune", kind: "xa", parent: district, validTo: new Date("2020-01-01T00:00:00+07:00") });
  expect(((await read(`unit=${district.id}&term=2025-2030`)) as Index).rows.map((r) => r.name)).toEqual(["Xã An", "Xã Bắc"]);

  const both = await createPersonWithRole(db, "organizer", district);
  await db.roleAssignment.create({ data: { userId: both, role: "organizer", unitId: neighbour.id } });
  expect(((await read("", await contextFor(db, both))) as Index).rows.map((r) => r.name)).toEqual(["Huyện Bên Cạnh", "Huyện Chỉ Mục"]);
});
