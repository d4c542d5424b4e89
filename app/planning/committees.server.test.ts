import { beforeAll, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { vietnamDay } from "#app/org/days.ts";
import { ensureUnit, type TreeUnit } from "#app/org/unit-tree.server.ts";
import { upsertPerson } from "#app/people/people.server.ts";
import { ensureDefaultPolicies } from "#app/policy/policy.server.ts";
import { committeesOf, outcomeCandidates, recordOutcome, removeOutcome, seatsOn, setCommittee } from "./committees.server.ts";
import type { PlanningTerm } from "./lists.server.ts";
import type { PlanningPosition } from "./positions.ts";

const day = (y: number, m: number, d: number) => vietnamDay(y, m, d)!;
let term: PlanningTerm;
let commune: TreeUnit & { name: string };
let outsider: string;
const cadres: string[] = [];

beforeAll(async () => {
  await ensureDefaultPolicies(db);
  term = await db.term.create({ data: { key: "2015-2020-thu", startsOn: day(2015, 7, 1), endsOn: day(2020, 7, 1), treeOn: day(2015, 7, 1) }, select: { id: true, key: true, startsOn: true, endsOn: true, treeOn: true } });
  commune = { ...(await ensureUnit(db, { code: "UB1", name: "Xã Ủy Ban", level: "commune", kind: "xa", parent: null })), name: "Xã Ủy Ban" };
  const other = await ensureUnit(db, { code: "UB2", name: "Xã Khác", level: "commune", kind: "xa", parent: null });
  // One woman and six men: 1/7 = 14.3 %, under 15 %.
  for (const [i, gender] of (["female", "male", "male", "male", "male", "male", "male"] as const).entries())
    cadres.push((await upsertPerson(db, { name: `Cấp ủy ${i}`, phone: `09220000${10 + i}`, gender, unitId: commune.id }, null)).id);
  outsider = (await upsertPerson(db, { name: "Người xã khác", phone: "0922000099", gender: "female", unitId: other.id }, null)).id;
});

const outcome = (committee: string, person: string, position: PlanningPosition = "dang_uy_vien_ban_chap_hanh") => ({ committee, person, position, how: "elected" as const, on: day(2019, 6, 1) });

test("a committee takes no more people than its seats; one person in two of its positions takes one seat", async () => {
  const set = await setCommittee(db, "kiem-thu", commune, term, { kind: "party_executive", seats: 2, formedOn: day(2019, 6, 1) });
  if (!set.ok) throw new Error("not set");
  expect(await recordOutcome(db, "kiem-thu", commune, term, outcome(set.id, cadres[0]!, "dang_bi_thu"))).toMatchObject({ ok: true });
  expect(await recordOutcome(db, "kiem-thu", commune, term, outcome(set.id, cadres[0]!))).toMatchObject({ ok: true });
  expect(await recordOutcome(db, "kiem-thu", commune, term, outcome(set.id, cadres[1]!))).toMatchObject({ ok: true });
  expect(await recordOutcome(db, "kiem-thu", commune, term, outcome(set.id, cadres[2]!))).toEqual({ ok: false, field: "person", error: "pipeline.outcome.seatsFull" });
  expect(await setCommittee(db, "kiem-thu", commune, term, { kind: "party_executive", seats: 1, formedOn: day(2019, 6, 1) })).toMatchObject({ ok: false, field: "seats" });
  expect(await recordOutcome(db, "kiem-thu", commune, term, outcome(set.id, outsider))).toEqual({ ok: false, field: "person", error: "pipeline.outcome.personInvalid" });
  expect(await recordOutcome(db, "kiem-thu", commune, term, outcome(set.id, cadres[1]!, "hoi_chu_tich"))).toEqual({ ok: false, field: "position", error: "pipeline.outcome.positionInvalid" });
  expect(await db.auditEvent.count({ where: { action: "committee.outcome", unitPath: commune.path } })).toBe(3);
});

test("an executive committee seats its standing committee's positions too, a standing committee only its own", () => {
  expect(seatsOn("party_executive")).toEqual(["dang_bi_thu", "dang_pho_bi_thu", "dang_uy_vien_ban_thuong_vu", "dang_uy_vien_ban_chap_hanh"]);
  expect(seatsOn("union_standing")).toEqual(["hoi_chu_tich", "hoi_pho_chu_tich", "hoi_uy_vien_ban_thuong_vu"]);
});

test("the women warning applies the rule in force on the day the committee was formed", async () => {
  const fill = async (formedOn: Date) => {
    const set = await setCommittee(db, "kiem-thu", commune, term, { kind: "party_standing", seats: 9, formedOn });
    if (!set.ok) throw new Error("not set");
    for (const person of cadres) await recordOutcome(db, "kiem-thu", commune, term, outcome(set.id, person, "dang_uy_vien_ban_thuong_vu"));
    return (await committeesOf(db, commune, term)).find((c) => c.kind === "party_standing")!.committee!;
  };
  // Chỉ thị 35 took effect on 30/5/2019: a committee formed the day before is judged by no rule.
  expect((await fill(day(2019, 5, 29))).warning).toBeNull();
  const after = await fill(day(2019, 5, 30));
  expect(after.people).toBe(7);
  expect(after.warning).toMatchObject({ women: 1, total: 7, minimum: 0.15 });
  expect(after.warning?.source).toMatch(/Chỉ thị 35-CT\/TW/);
});

test("a wrong outcome is removed by an organizer of the unit, not by one of another unit", async () => {
  const [row] = await db.committeeMember.findMany({ where: { committee: { unitId: commune.id } }, take: 1, select: { id: true } });
  const organizerOf = (unit: { id: string; path: string }) => ({ id: "kiem-thu", roles: [{ role: "organizer" as const, unitId: unit.id, unitPath: unit.path, unitName: "" }] });
  expect(await removeOutcome(db, organizerOf({ id: "x", path: "/khac/" }), commune, term, row!.id)).toBe(false);
  expect(await removeOutcome(db, organizerOf(commune), { id: "another-unit" }, term, row!.id)).toBe(false);
  expect(await removeOutcome(db, organizerOf(commune), commune, term, row!.id)).toBe(true);
  expect(await db.committeeMember.count({ where: { id: row!.id } })).toBe(0);
});

test("one who serves in the unit during the term, her record elsewhere (after the 2025 merge), can be recorded; the picker offers her", async () => {
  const set = await setCommittee(db, "kiem-thu", commune, term, { kind: "union_standing", seats: 5, formedOn: day(2019, 6, 1) });
  if (!set.ok) throw new Error("not set");
  const serving = (await upsertPerson(db, { name: "Chị Về Xã Mới", phone: "0922000077", gender: "female", unitId: (await ensureUnit(db, { code: "UB3", name: "Xã Cũ", level: "commune", kind: "xa", parent: null })).id }, null)).id;
  await db.positionHolding.create({ data: { userId: serving, unitId: commune.id, position: "hoi_chu_tich", from: day(2016, 1, 1) } });
  expect((await outcomeCandidates(db, commune, term)).map((c) => c.id)).toContain(serving);
  expect(await recordOutcome(db, "kiem-thu", commune, term, { committee: set.id, person: serving, position: "hoi_chu_tich", how: "elected", on: day(2019, 6, 1) })).toMatchObject({ ok: true });
  expect((await outcomeCandidates(db, commune, term)).map((c) => c.id)).not.toContain(outsider);
});
