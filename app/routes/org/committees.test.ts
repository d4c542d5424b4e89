import { beforeAll, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { isoDay } from "#app/org/days.ts";
import { ensureUnit, type TreeUnit } from "#app/org/unit-tree.server.ts";
import { ensurePlanningDefaults } from "#app/planning/defaults.server.ts";
import { createPersonWithRole } from "#tests/unit/people.ts";
import { contextFor, get, outcome, post, routeArgs, statusOf } from "#tests/unit/route-args.ts";
import { action, loader } from "./committees.tsx";

const term = "2025-2030";
let commune: TreeUnit;
let neighbour: TreeUnit;
let organizer: Awaited<ReturnType<typeof contextFor>>;
let cadre: string;
const today = isoDay(new Date());

beforeAll(async () => {
  await ensurePlanningDefaults(db);
  const province = await ensureUnit(db, { code: "CU0", name: "Tỉnh Cấp Ủy", level: "province", kind: "tinh", parent: null });
  const district = await ensureUnit(db, { code: "CU1", name: "Huyện Cấp Ủy", level: "district", kind: "huyen", parent: province });
  commune = await ensureUnit(db, { code: "CU11", name: "Xã Cấp Ủy", level: "commune", kind: "xa", parent: district });
  neighbour = await ensureUnit(db, { code: "CU2", name: "Huyện Bên Cạnh", level: "district", kind: "huyen", parent: province });
  organizer = await contextFor(db, await createPersonWithRole(db, "organizer", district));
  cadre = await createPersonWithRole(db, "learner", commune, "Phạm Thị Trúng Cử");
}, 120_000);

const path = (unitId: string, termKey = term) => `/org/planning/${unitId}/${termKey}/committees`;
const params = (unitId: string, termKey = term) => ({ unitId, term: termKey });
const read = (unitId = commune.id, termKey = term, context = organizer) => outcome(() => loader(routeArgs(get(path(unitId, termKey)), context, params(unitId, termKey))));
const send = (fields: Record<string, string>, unitId = commune.id, context = organizer) => outcome(() => action(routeArgs(post(path(unitId), fields), context, params(unitId))));
const back = (result: unknown) => (result as Response).headers.get("Location");
const answer = (result: unknown) => (result as { data: unknown }).data;
const committeeOf = (kind: string) => db.committee.findFirst({ where: { unitId: commune.id, kind }, select: { id: true, seats: true } });

test("organizers above the unit read its committees; a unit outside, an unknown one, an unknown term and a branch are not found; trainers are refused", async () => {
  const page = await read();
  expect(page).toMatchObject({ unit: { id: commune.id, name: "Xã Cấp Ủy" }, term, canManage: true });
  expect((page as { committees: { kind: string; committee: unknown }[] }).committees).toContainEqual(expect.objectContaining({ kind: "party_executive", committee: null }));
  const branch = await ensureUnit(db, { code: "CU11a", name: "Chi hội", level: "branch", kind: "ap", parent: commune });
  for (const [unitId, termKey] of [[neighbour.id, term], ["khong-co", term], [commune.id, "1990-1995"], [branch.id, term]] as const) {
    expect(statusOf(await read(unitId, termKey))).toBe(404);
    expect(statusOf(await outcome(() => action(routeArgs(post(path(unitId, termKey), { intent: "removeOutcome", member: "x" }), organizer, params(unitId, termKey)))))).toBe(404);
  }
  const trainer = await contextFor(db, await createPersonWithRole(db, "trainer", commune));
  expect(statusOf(await read(commune.id, term, trainer))).toBe(403);
  expect(statusOf(await send({ intent: "removeOutcome", member: "x" }, commune.id, trainer))).toBe(403);
  expect(statusOf(await send({ intent: "khong-co" }))).toBe(400);
});

test("a committee is set with its seats, a bad form is refused field by field and keeps the values, and fewer seats than its members are refused", async () => {
  const bad = { intent: "committee", kind: "party_executive", seats: "0", formedOn: "hôm qua" };
  const refused = await send(bad);
  expect(statusOf(refused)).toBe(400);
  expect(answer(refused)).toEqual({ form: "committee", kind: "party_executive", errors: { seats: "pipeline.committee.seatsInvalid", formedOn: "pipeline.committee.formedOnInvalid" }, values: bad });
  expect(await committeeOf("party_executive")).toBeNull();

  expect(back(await send({ intent: "committee", kind: "party_executive", seats: "1", formedOn: today }))).toBe(path(commune.id));
  const committee = (await committeeOf("party_executive"))!;
  expect(committee.seats).toBe(1);

  const outcomeFields = { intent: "outcome", committee: committee.id, person: cadre, position: "dang_uy_vien_ban_chap_hanh", how: "elected", on: today };
  const badOutcome = { ...outcomeFields, person: "", how: "chosen" };
  const refusedOutcome = await send(badOutcome);
  expect(statusOf(refusedOutcome)).toBe(400);
  expect(answer(refusedOutcome)).toEqual({ form: "outcome", kind: committee.id, errors: { person: "pipeline.outcome.personInvalid", how: "pipeline.outcome.howInvalid" }, values: badOutcome });
  expect(statusOf(await send({ ...outcomeFields, committee: "khong-co" }))).toBe(404);
  expect(back(await send(outcomeFields))).toBe(path(commune.id));
  const member = await db.committeeMember.findFirstOrThrow({ where: { committeeId: committee.id }, select: { id: true, userId: true, how: true } });
  expect(member).toMatchObject({ userId: cadre, how: "elected" });
  const another = await createPersonWithRole(db, "learner", commune);
  const full = await send({ ...outcomeFields, person: another });
  expect(statusOf(full)).toBe(400);
  expect(answer(full)).toMatchObject({ form: "outcome", kind: committee.id, errors: { person: "pipeline.outcome.seatsFull" } });

  const seats = (n: number) => ({ intent: "committee", kind: "party_executive", seats: String(n), formedOn: today });
  expect(back(await send(seats(2)))).toBe(path(commune.id));
  expect(back(await send({ ...outcomeFields, person: another }))).toBe(path(commune.id));
  const below = await send(seats(1));
  expect(statusOf(below)).toBe(400);
  expect(answer(below)).toEqual({ form: "committee", kind: "party_executive", errors: { seats: "pipeline.committee.seatsBelowMembers" }, values: seats(1) });
  expect((await committeeOf("party_executive"))!.seats).toBe(2);

  expect(back(await send({ intent: "removeOutcome", member: member.id }))).toBe(path(commune.id));
  expect(await db.committeeMember.count({ where: { id: member.id } })).toBe(0);
  expect(statusOf(await send({ intent: "removeOutcome", member: member.id }))).toBe(404);
});
