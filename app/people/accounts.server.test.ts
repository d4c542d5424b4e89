import { expect, test } from "vitest";
import { loadCurrentUser, signIn } from "#app/auth/auth.server.ts";
import { createSession, generateSessionToken, sessionCookieName } from "#app/auth/session.server.ts";
import { db } from "#app/db.server.ts";
import { ensureUnit } from "#app/org/unit-tree.server.ts";
import { upsertPerson } from "./people.server.ts";
import { changeOwnPassword, createAccount, generateTemporaryPassword, resetPassword, setDeactivated, temporaryPasswordForm } from "./accounts.server.ts";
import { createLearner } from "#tests/unit/people.ts";

let counter = 0;
/** A seeded cadre: a profile and a phone, but no password row, so nobody can sign in as her yet. */
async function cadre() {
  counter += 1;
  const unit = await ensureUnit(db, { code: `AC${counter}`, name: `Xã Tài Khoản ${counter}`, level: "commune", kind: "xa", parent: null });
  const phone = `0935${String(counter).padStart(6, "0")}`;
  const { id } = await upsertPerson(db, { name: "Lâm Thị Cẩm", phone, gender: "female", unitId: unit.id }, null);
  return { person: { id, unit }, phone };
}
const organizer = { id: "organizer-id" };
let address = 0;
const attempt = (identifier: string, password: string) => signIn(identifier, password, `192.0.2.${++address}`);
const session = async (userId: string) => {
  const token = generateSessionToken();
  const { id } = await createSession(db, token, userId, { lifetimeDays: 30 });
  return { id, request: new Request("http://localhost/", { headers: { Cookie: `${sessionCookieName}=${token}` } }) };
};

test("a cadre without a password row is refused exactly like a wrong password", async () => {
  const { phone } = await cadre();
  expect(await attempt(phone, "bất kỳ")).toEqual({ userId: null, retryAt: null, deactivated: false });
  expect(await attempt("0935999999", "bất kỳ")).toEqual({ userId: null, retryAt: null, deactivated: false });
});

test("an empty temporary password is generated, a short one refused", () => {
  expect(temporaryPasswordForm.parse({ password: "" }).password).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
  expect(temporaryPasswordForm.parse({}).password).not.toBe(temporaryPasswordForm.parse({}).password);
  expect(temporaryPasswordForm.parse({ password: " Tam@2025x " }).password).toBe("Tam@2025x");
  expect(temporaryPasswordForm.safeParse({ password: "ngan" }).error?.issues[0]?.message).toBe("peopleAdmin.error.passwordShort");
  expect(generateTemporaryPassword()).not.toMatch(/[01ilo]/);
});

test("a new account signs in with its temporary password, must change it, and can learn in its unit", async () => {
  const { person, phone } = await cadre();
  expect(await createAccount(db, organizer, person, "Tam@2025x")).toEqual({ ok: true, password: "Tam@2025x" });
  expect(await createAccount(db, organizer, person, "Khac@2025x")).toEqual({ ok: false, error: "peopleAdmin.error.accountExists" });
  const signedIn = await attempt(phone, "Tam@2025x");
  expect(signedIn).toEqual({ userId: person.id, mustChangePassword: true });
  expect(await db.roleAssignment.findMany({ where: { userId: person.id }, select: { role: true, unitId: true } })).toEqual([{ role: "learner", unitId: person.unit.id }]);
  const { request } = await session(person.id);
  expect((await loadCurrentUser(request))?.mustChangePassword).toBe(true);
});

test("an account needs a phone or an email to sign in with", async () => {
  const unit = await ensureUnit(db, { code: "AC-none", name: "Xã Không Liên Lạc", level: "commune", kind: "xa", parent: null });
  const { id } = await db.user.create({ data: { name: "Tô Thị Vắng", gender: "female", unitId: unit.id }, select: { id: true } });
  expect(await createAccount(db, organizer, { id, unit }, "Tam@2025x")).toEqual({ ok: false, error: "peopleAdmin.error.noContact" });
});

test("changing the temporary password ends the must-change state and the other sessions; the old one stops working", async () => {
  const { person, phone } = await cadre();
  await createAccount(db, organizer, person, "Tam@2025x");
  const [current, other] = [await session(person.id), await session(person.id)];
  const user = { id: person.id, sessionId: current.id };
  expect(await changeOwnPassword(db, user, { current: "sai-roi-nhe", next: "Moi@2025xyz", confirm: "Moi@2025xyz" })).toEqual({ ok: false, errors: { current: "peopleAdmin.error.currentPassword" } });
  expect(await changeOwnPassword(db, user, { current: "Tam@2025x", next: "Moi@2025xyz", confirm: "Moi@2025xyz" })).toEqual({ ok: true });
  expect((await loadCurrentUser(current.request))?.mustChangePassword).toBe(false);
  expect(await loadCurrentUser(other.request)).toBeNull();
  expect((await attempt(phone, "Tam@2025x")).userId).toBeNull();
  expect(await attempt(phone, "Moi@2025xyz")).toEqual({ userId: person.id, mustChangePassword: false });
  expect(await db.auditEvent.findFirst({ where: { entityId: person.id, action: "account.changePassword" }, select: { actorId: true } })).toEqual({ actorId: person.id });
});

test("a reset gives a new temporary password and ends every session", async () => {
  const { person, phone } = await cadre();
  expect(await resetPassword(db, organizer, person, "Tam@2025x")).toEqual({ ok: false, error: "peopleAdmin.error.noAccount" });
  await createAccount(db, organizer, person, "Tam@2025x");
  await changeOwnPassword(db, { id: person.id, sessionId: "none" }, { current: "Tam@2025x", next: "Rieng@2025x", confirm: "Rieng@2025x" });
  const open = await session(person.id);
  expect(await resetPassword(db, organizer, person, "Moi@2025x")).toEqual({ ok: true, password: "Moi@2025x" });
  expect(await loadCurrentUser(open.request)).toBeNull();
  expect((await attempt(phone, "Rieng@2025x")).userId).toBeNull();
  expect(await attempt(phone, "Moi@2025x")).toEqual({ userId: person.id, mustChangePassword: true });
});

test("a deactivated account is refused even with the right password and loses its sessions; reactivated, it signs in again", async () => {
  const { person, phone } = await cadre();
  await createAccount(db, organizer, person, "Tam@2025x");
  const open = await session(person.id);
  await setDeactivated(db, organizer, person, true);
  expect(await loadCurrentUser(open.request)).toBeNull();
  expect(await attempt(phone, "Tam@2025x")).toEqual({ userId: null, retryAt: null, deactivated: true });
  // Whoever does not know the password learns nothing about the account's state.
  expect(await attempt(phone, "sai-roi-nhe")).toEqual({ userId: null, retryAt: null, deactivated: false });
  const kept = await db.user.findUniqueOrThrow({ where: { id: person.id }, select: { name: true, deactivatedAt: true, password: { select: { userId: true } } } });
  expect(kept.deactivatedAt).not.toBeNull();
  expect(kept.password).not.toBeNull();

  await setDeactivated(db, organizer, person, false);
  expect((await attempt(phone, "Tam@2025x")).userId).toBe(person.id);
  const actions = await db.auditEvent.findMany({ where: { entityId: person.id }, orderBy: { at: "asc" }, select: { action: true, actorId: true, unitPath: true } });
  expect(actions).toEqual(
    ["account.create", "account.deactivate", "account.reactivate"].map((action) => ({ action, actorId: organizer.id, unitPath: person.unit.path })),
  );
});

test("guessing the current password to change it is throttled like a sign-in", async () => {
  const { userId } = await createLearner(db);
  const user = { id: userId, sessionId: "phien" };
  const wrong = { current: "khong-dung", next: "Moi@2025xyz", confirm: "Moi@2025xyz" };
  const answers = [];
  for (let i = 0; i < 7; i++) answers.push((await changeOwnPassword(db, user, wrong)).ok ? "ok" : "refused");
  expect(answers.every((a) => a === "refused")).toBe(true);
  const throttled = await changeOwnPassword(db, user, wrong);
  expect(throttled).toEqual({ ok: false, errors: { current: "peopleAdmin.error.tooManyAttempts" } });
});
