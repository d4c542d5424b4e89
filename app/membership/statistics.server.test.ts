import { beforeAll, describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { ensureUnit, type TreeUnit } from "#app/org/unit-tree.server.ts";
import { ensureDefaultPolicies, policyOn, setPolicy } from "#app/policy/policy.server.ts";
import { membershipFigures, saveMembershipReport } from "./report.server.ts";
import { membershipOverview } from "./statistics.server.ts";

const merge = new Date("2025-07-01T00:00:00+07:00");
type Unit = TreeUnit & { name: string; level: string };
let province: Unit, district: Unit, a: Unit, b: Unit, c: Unit, newProvince: Unit, ab: Unit, branch1: Unit, branch2: Unit;

async function unit(code: string, level: string, parent: TreeUnit | null, validFrom: Date | null, validTo: Date | null): Promise<Unit> {
  const u = await ensureUnit(db, { code, name: code, level, kind: "xa", parent, validFrom, validTo });
  return { ...u, name: code, level };
}
async function report(u: TreeUnit, year: number, half: number, members: number, womenAdult: number, extra: object = {}) {
  await db.membershipReport.create({ data: { unitId: u.id, year, half, members, womenAdult, honoraryMembers: 99, ...extra } });
}

beforeAll(async () => {
  await ensureDefaultPolicies(db);
  province = await unit("P", "province", null, null, merge);
  district = await unit("D", "district", province, null, merge);
  a = await unit("A", "commune", district, null, merge);
  b = await unit("B", "commune", district, null, merge);
  c = await unit("C", "commune", province, null, merge);
  branch1 = await unit("A-1", "branch", a, null, merge);
  branch2 = await unit("A-2", "branch", a, null, merge);
  newProvince = await unit("NP", "province", null, merge, null);
  ab = await unit("AB", "commune", newProvince, merge, null);
  for (const p of [a, b]) await db.unitSuccession.create({ data: { predecessorId: p.id, successorId: ab.id, effectiveOn: merge, legalBasis: "test" } });
  // 2019-H1: A 900/1 000 (90 %), B 1 000/5 000 (20 %), C 300/600 (50 %).
  await report(a, 2019, 1, 900, 1_000);
  await report(b, 2019, 1, 1_000, 5_000);
  await report(c, 2019, 1, 300, 600);
  await report(branch1, 2019, 1, 500, 550, { households: 400, householdsWithMember: 330 });
  await report(branch2, 2019, 1, 380, 450, { households: 300, householdsWithMember: 230 });
  await report(ab, 2026, 1, 2_000, 6_100);
});

describe("membershipOverview", () => {
  test("a district's rate is its communes' members over their women, with each commune a row", async () => {
    const view = await membershipOverview(db, district, { year: 2019, half: 1 });
    expect(view.total.rate).toEqual({ members: 1_900, womenAdult: 6_000, rate: 1_900 / 6_000 });
    expect(view.total.meetsTarget).toBe(false);
    expect(view.rows.map((r) => [r.name, r.rate?.rate, r.meetsTarget])).toEqual([
      ["A", 0.9, true],
      ["B", 0.2, false],
    ]);
    expect(view.communes).toEqual({ reported: 2, atTarget: 1 });
  });

  test("the province sums every commune below it, districts included, and counts communes at or above the target", async () => {
    const view = await membershipOverview(db, province, { year: 2019, half: 1 });
    expect(view.total.rate).toEqual({ members: 2_200, womenAdult: 6_600, rate: 2_200 / 6_600 });
    expect(view.rows.map((r) => [r.name, r.rate?.members, r.rate?.womenAdult])).toEqual([
      ["C", 300, 600],
      ["D", 1_900, 6_000],
    ]);
    expect(view.communes).toEqual({ reported: 3, atTarget: 2 });
    expect(view.target).toMatchObject({ value: 0.5, source: expect.stringContaining("819") });
  });

  test("a commune shows its own report and its branches' households against 80 %", async () => {
    const view = await membershipOverview(db, a, { year: 2019, half: 1 });
    expect(view.total.rate?.members).toBe(900);
    expect(view.rows.map((r) => [r.name, r.households?.rate, r.meetsHouseholdTarget])).toEqual([
      ["A-1", 330 / 400, true],
      ["A-2", 230 / 300, false],
    ]);
  });

  test("a commune formed in 2025 shows its predecessors' sums for 2019 and its own figures after", async () => {
    const before = await membershipOverview(db, newProvince, { year: 2019, half: 1 });
    expect(before.rows).toMatchObject([{ name: "AB", rate: { members: 1_900, womenAdult: 6_000 } }]);
    expect(before.total.rate).toMatchObject({ members: 1_900, womenAdult: 6_000 });
    const after = await membershipOverview(db, newProvince, { year: 2026, half: 1 });
    expect(after.rows).toMatchObject([{ name: "AB", rate: { members: 2_000, womenAdult: 6_100 } }]);
    expect((await membershipOverview(db, province, { year: 2026, half: 1 })).rows).toEqual([]);
  });

  test("a period without reports has no rate rather than 0 %", async () => {
    const view = await membershipOverview(db, district, { year: 2018, half: 0 });
    expect(view.total.rate).toBeNull();
    expect(view.communes).toEqual({ reported: 0, atTarget: 0 });
  });
});

describe("targets", () => {
  test("the target in force on the period's end applies; a new directive applies from its date only", async () => {
    const admin = await db.user.create({ data: { name: "Admin", gender: "male", unitId: province.id }, select: { id: true } });
    await setPolicy(db, admin.id, { key: "gathering-rate-target", value: 0.6, source: "Văn bản thử", effectiveFrom: new Date("2024-01-01T00:00:00+07:00") });
    expect((await policyOn(db, "gathering-rate-target", new Date("2023-12-31T12:00:00+07:00")))?.value).toBe(0.5);
    expect((await policyOn(db, "gathering-rate-target", new Date("2024-06-30T12:00:00+07:00")))?.value).toBe(0.6);
    expect(await policyOn(db, "gathering-rate-target", new Date("2010-06-30T00:00:00+07:00"))).toBeNull();
    expect(await db.auditEvent.count({ where: { action: "policy.set" } })).toBe(1);
  });
});

describe("saving a report", () => {
  const form = { womenAdult: "1 000", members: "400", joined: "10", left: "2", honoraryMembers: "3", households: "", householdsWithMember: "" };

  test("checks what is really wrong: negative or missing counts, households with a member above households", () => {
    expect(membershipFigures.parse({ ...form, womenAdult: "12.345" }).womenAdult).toBe(12_345);
    // More members than women counted is possible (the population figure lags): allowed.
    expect(membershipFigures.safeParse({ ...form, members: "1200" }).success).toBe(true);
    const errors = (input: object) => membershipFigures.safeParse(input).error?.issues.map((i) => [i.path.join("."), i.message]);
    expect(errors({ ...form, members: "-1" })).toEqual([["members", "membership.error.count"]]);
    expect(errors({ ...form, womenAdult: "" })).toEqual([["womenAdult", "membership.error.count"]]);
    expect(errors({ ...form, households: "100", householdsWithMember: "101" })).toEqual([["householdsWithMember", "membership.error.householdsTooMany"]]);
    expect(errors({ ...form, households: "100" })).toEqual([["householdsWithMember", "membership.error.householdsPair"]]);
  });

  test("is audited with before and after, and saving the same figures again changes nothing", async () => {
    const actor = await db.user.create({ data: { name: "Tổ chức", gender: "female", unitId: district.id }, select: { id: true } });
    const unitRow = await db.orgUnit.findUniqueOrThrow({ where: { id: b.id }, select: { id: true, path: true, level: true, validFrom: true, validTo: true } });
    const figures = membershipFigures.parse({ ...form, womenAdult: "5000", members: "1100" });
    expect(await saveMembershipReport(db, actor.id, unitRow, { year: 2019, half: 1 }, figures)).toEqual({ changed: true });
    expect(await saveMembershipReport(db, actor.id, unitRow, { year: 2019, half: 1 }, figures)).toEqual({ changed: false });
    const events = await db.auditEvent.findMany({ where: { action: "membership.save" }, select: { before: true, after: true, unitPath: true } });
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]!.before!)).toMatchObject({ members: 1_000, womenAdult: 5_000 });
    expect(JSON.parse(events[0]!.after!)).toMatchObject({ members: 1_100, womenAdult: 5_000 });
    expect(events[0]!.unitPath).toBe(b.path);
  });
});
