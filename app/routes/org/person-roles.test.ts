import { beforeAll, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { ensureUnit, type TreeUnit } from "#app/org/unit-tree.server.ts";
import { upsertPerson } from "#app/people/people.server.ts";
import { createPersonWithRole } from "#tests/unit/people.ts";
import { contextFor, get, outcome, post, routeArgs, statusOf } from "#tests/unit/route-args.ts";
import * as account from "./person-account.tsx";
import * as person from "./person.tsx";

let district: TreeUnit;
let commune: TreeUnit;
let neighbour: TreeUnit;
let organizer: Awaited<ReturnType<typeof contextFor>>;

beforeAll(async () => {
  const province = await ensureUnit(db, { code: "VT0", name: "Tỉnh Vai Trò", level: "province", kind: "tinh", parent: null });
  district = await ensureUnit(db, { code: "VT1", name: "Huyện Vai Trò", level: "district", kind: "huyen", parent: province });
  commune = await ensureUnit(db, { code: "VT11", name: "Xã Vai Trò", level: "commune", kind: "xa", parent: district });
  neighbour = await ensureUnit(db, { code: "VT2", name: "Huyện Bên Cạnh", level: "district", kind: "huyen", parent: province });
  organizer = await contextFor(db, await createPersonWithRole(db, "organizer", district));
}, 120_000);

const send = <A extends (args: never) => unknown>(act: A, path: string, id: string, fields: Record<string, string>, context = organizer) =>
  outcome(() => act(routeArgs(post(path, fields), context, { id })));
const answer = (result: unknown) => (result as { data: Record<string, unknown> }).data;

test("positions: one is added in a unit around her, a unit outside or a bad day comes back with its field error, and it is ended no earlier than it began", async () => {
  const id = await createPersonWithRole(db, "learner", commune, "Vũ Thị Chức Vụ");
  const path = `/org/people/${id}`;
  const add = { intent: "addPosition", position: "hoi_chu_tich", unitId: commune.id, from: "01/02/2024" };
  const badDay = await send(person.action, path, id, { ...add, from: "30/02/2024" });
  expect(statusOf(badDay)).toBe(400);
  expect(answer(badDay)).toEqual({ intent: "addPosition", errors: { from: "peopleAdmin.error.date" }, values: { ...add, from: "30/02/2024" } });
  expect(answer(await send(person.action, path, id, { ...add, unitId: neighbour.id }))).toMatchObject({ errors: { unitId: "peopleAdmin.error.choice" } });
  expect(((await send(person.action, path, id, add)) as Response).headers.get("Location")).toBe(path);
  expect(answer(await send(person.action, path, id, add))).toMatchObject({ errors: { from: "peopleAdmin.error.positionExists" } });
  const holding = await db.positionHolding.findFirstOrThrow({ where: { userId: id }, select: { id: true, unitId: true, position: true, to: true } });
  expect(holding).toMatchObject({ unitId: commune.id, position: "hoi_chu_tich", to: null });

  const page = await person.loader(routeArgs(get(path), organizer, { id }));
  expect(page).toMatchObject({ canEdit: true, person: { id, name: "Vũ Thị Chức Vụ", holdings: [{ id: holding.id, position: "hoi_chu_tich", unitName: "Xã Vai Trò", to: null }] } });
  expect(page.units.map((u) => u.id)).toContain(commune.id);

  const end = { intent: "endPosition", holdingId: holding.id, to: "01/01/2024" };
  expect(answer(await send(person.action, path, id, end))).toMatchObject({ intent: "endPosition", errors: { to: "peopleAdmin.error.endBeforeStart" } });
  expect(answer(await send(person.action, path, id, { ...end, to: "" }))).toMatchObject({ errors: { to: "peopleAdmin.error.date" } });
  expect(statusOf(await send(person.action, path, id, { ...end, to: "01/03/2024" }))).toBe(302);
  expect((await db.positionHolding.findUniqueOrThrow({ where: { id: holding.id }, select: { to: true } })).to).not.toBeNull();
  expect(answer(await send(person.action, path, id, { ...end, to: "01/04/2024" }))).toMatchObject({ errors: { to: "peopleAdmin.error.positionNotHeld" } });
  expect(statusOf(await send(person.action, path, id, { intent: "khong-co" }))).toBe(400);
});

test("roles: granted in a unit she may grant for, refused for an unknown unit or a bad choice, revoked; her own account and roles are not hers to change", async () => {
  const id = await createPersonWithRole(db, "learner", commune, "Hà Thị Được Giao");
  const path = `/org/people/${id}/account`;
  const page = await account.loader(routeArgs(get(path), organizer, { id }));
  expect(page).toMatchObject({ person: { id, name: "Hà Thị Được Giao", hasAccount: true, mustChangePassword: false, deactivatedAt: null }, self: false, canManageAccount: true });
  expect(page.roles).toEqual([expect.objectContaining({ role: "learner", unitName: "Xã Vai Trò", revocable: true })]);
  expect(page.grantable).toEqual(["learner"]);
  expect(page.grantUnits.map((u) => u.id)).toEqual(expect.arrayContaining([district.id, commune.id]));

  expect(answer(await send(account.action, path, id, { intent: "grant", role: "khong-co", unitId: commune.id }))).toEqual({ intent: "grant", error: "peopleAdmin.error.choice", password: null, name: null });
  expect(answer(await send(account.action, path, id, { intent: "grant", role: "trainer", unitId: "khong-co" }))).toMatchObject({ error: "peopleAdmin.error.roleOutOfScope" });
  expect(answer(await send(account.action, path, id, { intent: "grant", role: "trainer", unitId: commune.id }))).toMatchObject({ error: "peopleAdmin.error.roleOutOfScope" });
  expect(((await send(account.action, path, id, { intent: "grant", role: "learner", unitId: district.id })) as Response).headers.get("Location")).toBe(path);
  const granted = await db.roleAssignment.findFirstOrThrow({ where: { userId: id, unitId: district.id }, select: { id: true, role: true } });
  expect(granted.role).toBe("learner");
  expect(statusOf(await send(account.action, path, id, { intent: "revoke", assignmentId: granted.id }))).toBe(302);
  expect(await db.roleAssignment.count({ where: { id: granted.id } })).toBe(0);
  expect(answer(await send(account.action, path, id, { intent: "revoke", assignmentId: granted.id }))).toMatchObject({ intent: "revoke", error: "peopleAdmin.error.roleOutOfScope" });

  expect(statusOf(await send(account.action, path, id, { intent: "deactivate" }))).toBe(302);
  expect((await db.user.findUniqueOrThrow({ where: { id }, select: { deactivatedAt: true } })).deactivatedAt).not.toBeNull();
  expect(statusOf(await send(account.action, path, id, { intent: "reactivate" }))).toBe(302);
  expect((await db.user.findUniqueOrThrow({ where: { id }, select: { deactivatedAt: true } })).deactivatedAt).toBeNull();
  expect(answer(await send(account.action, path, id, { intent: "reset", password: "ngan" }))).toMatchObject({ intent: "reset", error: expect.stringMatching(/^peopleAdmin\.error\./), password: null });
  expect(await send(account.action, path, id, { intent: "reset", password: "" })).toMatchObject({ intent: "reset", error: null, password: expect.stringMatching(/^\w{4}-\w{4}-\w{4}$/), name: "Hà Thị Được Giao" });
  expect(statusOf(await send(account.action, path, id, { intent: "khong-co" }))).toBe(400);

  const adminId = await createPersonWithRole(db, "admin", district);
  const admin = await contextFor(db, adminId);
  const selfPath = `/org/people/${adminId}/account`;
  expect(await account.loader(routeArgs(get(selfPath), admin, { id: adminId }))).toMatchObject({ self: true, roles: [expect.objectContaining({ role: "admin", revocable: false })] });
  expect(answer(await send(account.action, selfPath, adminId, { intent: "deactivate" }, admin))).toMatchObject({ intent: "deactivate", error: "peopleAdmin.error.ownRoles" });
  expect((await db.user.findUniqueOrThrow({ where: { id: adminId }, select: { deactivatedAt: true } })).deactivatedAt).toBeNull();
});

test("an account: none yet, shown under her phone before her email; opened once, a second opening is refused; roles are granted and revoked even for someone whose account is not hers to manage", async () => {
  const id = (await upsertPerson(db, { name: "Đào Thị Chưa Có", phone: "0944777001", email: "dao@hoiphunu.vn", gender: "female", unitId: commune.id }, null)).id;
  const path = `/org/people/${id}/account`;
  expect((await account.loader(routeArgs(get(path), organizer, { id }))).person).toMatchObject({ login: "0944777001", hasAccount: false });
  expect(await send(account.action, path, id, { intent: "create", password: "" })).toMatchObject({ intent: "create", error: null, password: expect.any(String), name: "Đào Thị Chưa Có" });
  expect((await account.loader(routeArgs(get(path), organizer, { id }))).person.hasAccount).toBe(true);
  const again = await send(account.action, path, id, { intent: "create", password: "" });
  expect(statusOf(again)).toBe(400);
  expect(answer(again)).toMatchObject({ intent: "create", error: expect.stringMatching(/^peopleAdmin\.error\./), password: null });

  const trainer = await createPersonWithRole(db, "trainer", commune, "Tô Thị Giảng Viên");
  const trainerPath = `/org/people/${trainer}/account`;
  expect(answer(await send(account.action, trainerPath, trainer, { intent: "deactivate" }))).toMatchObject({ error: "peopleAdmin.error.strongerAccount" });
  expect(statusOf(await send(account.action, trainerPath, trainer, { intent: "grant", role: "learner", unitId: district.id }))).toBe(302);
  const granted = await db.roleAssignment.findFirstOrThrow({ where: { userId: trainer, unitId: district.id, role: "learner" }, select: { id: true } });
  expect(statusOf(await send(account.action, trainerPath, trainer, { intent: "revoke", assignmentId: granted.id }))).toBe(302);
  expect(await db.roleAssignment.count({ where: { id: granted.id } })).toBe(0);
});
