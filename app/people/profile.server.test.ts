import { expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { ensureUnit } from "#app/org/unit-tree.server.ts";
import { createLearner } from "#tests/unit/people.ts";
import { parseDay } from "#app/org/days.ts";
import { addPosition, endPosition, personProfile, profileForm, updateProfile } from "./profile.server.ts";

const form = (fields: Record<string, string>) => profileForm.safeParse({ name: "Thạch Thị Sa Ri", gender: "female", ...fields });
const errorsOf = (fields: Record<string, string>) => {
  const result = form(fields);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [String(i.path[0]), i.message]));
};

test("a birth date or only a year is accepted; the year is kept either way", () => {
  expect(form({ birth: "12/03/1978" }).data).toMatchObject({ birthYear: 1978, birthDate: parseDay("1978-03-12") });
  expect(form({ birth: "1978" }).data).toMatchObject({ birthYear: 1978, birthDate: null });
  expect(form({ birth: "" }).data).toMatchObject({ birthYear: null, birthDate: null });
  for (const birth of ["31/02/1980", "1900", "2030", "hôm qua"]) expect(errorsOf({ birth })).toEqual({ birth: "peopleAdmin.error.birth" });
});

test("contacts are stored in one form, empty fields are unknown, and each bad field gets its own message", () => {
  expect(form({ phone: "+84 912 345 678", email: " Sa.Ri@HoiPhuNu.vn ", ethnicity: "khmer", theoryLevel: "" }).data).toMatchObject({
    phone: "0912345678", email: "sa.ri@hoiphunu.vn", ethnicity: "khmer", theoryLevel: null, education: null, partyMember: false,
  });
  expect(errorsOf({ name: "A", gender: "x", phone: "123", email: "không-phải-email", ethnicity: "martian", partySince: "32/13/2000" })).toEqual({
    name: "peopleAdmin.error.name",
    gender: "peopleAdmin.error.gender",
    phone: "peopleAdmin.error.phone",
    email: "peopleAdmin.error.email",
    ethnicity: "peopleAdmin.error.choice",
    partySince: "peopleAdmin.error.date",
  });
});

test("a Party joining date needs a Party member, and cannot be in the future", () => {
  expect(errorsOf({ partySince: "2001-05-19" })).toEqual({ partySince: "peopleAdmin.error.partySinceWithoutMember" });
  expect(errorsOf({ partyMember: "on", partySince: "2999-01-01" })).toEqual({ partySince: "peopleAdmin.error.future" });
  expect(form({ partyMember: "on", partySince: "19/05/2001" }).data).toMatchObject({ partyMember: true, partySince: parseDay("2001-05-19") });
});

test("saving a profile records only the fields that changed, before and after, under the person's unit", async () => {
  const { userId, unit } = await createLearner(db, "Danh Thị Sóc");
  const actor = await createLearner(db, "Người Sửa");
  const person = { id: userId, unit };
  const current = (await personProfile(db, userId))!;
  const input = form({ name: "Danh Thị Sóc", phone: current.phone!, ethnicity: "khmer", birth: "1980" }).data!;
  expect(await updateProfile(db, { id: actor.userId }, person, input)).toEqual({ ok: true });
  const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: userId, action: "person.update" } });
  expect(event).toMatchObject({ actorId: actor.userId, entity: "person", unitPath: unit.path });
  expect(JSON.parse(event.before!)).toEqual({ ethnicity: null, birthYear: null });
  expect(JSON.parse(event.after!)).toEqual({ ethnicity: "khmer", birthYear: 1980 });
});

test("a phone number someone else uses is a field error and changes nothing", async () => {
  const { userId, unit } = await createLearner(db);
  const other = await createLearner(db);
  const otherPhone = (await db.user.findUniqueOrThrow({ where: { id: other.userId } })).phone!;
  const result = await updateProfile(db, { id: userId }, { id: userId, unit }, form({ phone: otherPhone }).data!);
  expect(result).toEqual({ ok: false, errors: { phone: "peopleAdmin.error.phoneTaken" } });
  expect(await db.auditEvent.count({ where: { entityId: userId } })).toBe(0);
});

test("positions are added and ended, never removed: the history stays, and each change is audited", async () => {
  const { userId, unit } = await createLearner(db);
  const branch = await ensureUnit(db, { code: `${unit.id}-01`, name: "Chi hội Ấp 1", level: "branch", kind: "ap", parent: unit });
  const actor = { id: (await createLearner(db)).userId, roles: [{ role: "organizer" as const, unitId: unit.id, unitPath: unit.path, unitName: "" }] };
  const from = parseDay("01/07/2021")!;
  expect(await addPosition(db, actor, userId, branch, { position: "chi_hoi_truong", unitId: branch.id, from })).toEqual({ ok: true });
  expect(await addPosition(db, actor, userId, branch, { position: "chi_hoi_truong", unitId: branch.id, from })).toEqual({ ok: false, errors: { from: "peopleAdmin.error.positionExists" } });
  const holding = await db.positionHolding.findFirstOrThrow({ where: { userId } });
  expect(await endPosition(db, actor, userId, { holdingId: holding.id, to: parseDay("30/06/2021")! })).toEqual({ ok: false, errors: { to: "peopleAdmin.error.endBeforeStart" } });
  expect(await endPosition(db, actor, userId, { holdingId: holding.id, to: parseDay("30/06/2025")! })).toEqual({ ok: true });
  expect(await endPosition(db, actor, userId, { holdingId: holding.id, to: parseDay("01/07/2025")! })).toEqual({ ok: false, errors: { to: "peopleAdmin.error.positionNotHeld" } });
  await addPosition(db, actor, userId, unit, { position: "hoi_pho_chu_tich", unitId: unit.id, from: parseDay("01/07/2025")! });
  // A post in a unit beyond her scope is not hers to end.
  const branchOnly = { ...actor, roles: [{ ...actor.roles[0]!, unitPath: branch.path }] };
  const chair = await db.positionHolding.findFirstOrThrow({ where: { userId, position: "hoi_pho_chu_tich" } });
  expect(await endPosition(db, branchOnly, userId, { holdingId: chair.id, to: parseDay("01/01/2026")! })).toEqual({ ok: false, errors: { to: "peopleAdmin.error.positionNotHeld" } });

  const history = (await personProfile(db, userId))!.holdings.map((h) => ({ position: h.position, to: h.to }));
  expect(history).toEqual([{ position: "hoi_pho_chu_tich", to: null }, { position: "chi_hoi_truong", to: parseDay("30/06/2025") }]);
  const events = await db.auditEvent.findMany({ where: { actorId: actor.id }, orderBy: { at: "asc" }, select: { action: true, unitPath: true } });
  expect(events).toEqual([
    { action: "position.add", unitPath: branch.path },
    { action: "position.end", unitPath: branch.path },
    { action: "position.add", unitPath: unit.path },
  ]);
});
