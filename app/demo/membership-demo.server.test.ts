import { beforeAll, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { membershipOverview } from "#app/membership/statistics.server.ts";
import { importBacLieuUnits, type BacLieuTree } from "#app/org/baclieu-units.server.ts";
import { ensureUnit } from "#app/org/unit-tree.server.ts";
import { seedMembershipDemo } from "./membership-demo.server.ts";

let tree: BacLieuTree;
const unit = (id: string) => db.orgUnit.findUniqueOrThrow({ where: { id }, select: { id: true, path: true, name: true, level: true } });
let first: { reports: number };
let second: { reports: number };

beforeAll(async () => {
  tree = await importBacLieuUnits(db);
  const commune = tree.communes[0]!;
  for (const i of [1, 2, 3])
    await ensureUnit(db, { code: `${commune.code}-0${i}`, name: `Chi hội ${i}`, level: "branch", kind: "ap", parent: commune, validTo: new Date("2025-07-01T00:00:00+07:00") });
  first = await seedMembershipDemo(db, tree.communes);
  second = await seedMembershipDemo(db, tree.communes);
}, 120_000);

test("mid-2019: 28 of the 64 communes at or above 50 %; 2016: 22 of 64 (Công văn 819)", async () => {
  const mid2019 = await membershipOverview(db, await unit(tree.province.id), { year: 2019, half: 1 });
  expect(mid2019.communes).toEqual({ reported: 64, atTarget: 28 });
  const year2016 = await membershipOverview(db, await unit(tree.province.id), { year: 2016, half: 0 });
  expect(year2016.communes).toEqual({ reported: 64, atTarget: 22 });
});

test("branches add up to their commune and have household figures", async () => {
  const view = await membershipOverview(db, await unit(tree.communes[0]!.id), { year: 2020, half: 2 });
  const sum = view.rows.reduce((s, r) => s + r.rate!.members, 0);
  expect(view.rows).toHaveLength(3);
  expect(sum).toBe(view.total.rate!.members);
  for (const row of view.rows) expect(row.households!.householdsWithMember).toBeLessThanOrEqual(row.households!.households);
});

test("the units formed in 2025 have their own figures from the second half of 2025", async () => {
  const camau = await db.orgUnit.findFirstOrThrow({ where: { code: "96", level: "province" }, select: { id: true, path: true, name: true, level: true } });
  const view = await membershipOverview(db, camau, { year: 2026, half: 1 });
  expect(view.communes.reported).toBe(25);
});

test("a second run writes nothing", () => {
  expect(first.reports).toBeGreaterThan(64 * 20);
  expect(second.reports).toBe(0);
});
