import { expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { ensureUnit } from "#app/org/unit-tree.server.ts";
import { upsertPerson } from "#app/people/people.server.ts";
import { loadCurrentUser } from "./auth.server.ts";
import { createSession, generateSessionToken, sessionCookieName } from "./session.server.ts";

const requestWith = (token: string) => new Request("http://localhost/courses", { headers: { Cookie: `${sessionCookieName}=${token}` } });

test("the current user comes with every role and the unit it applies to", async () => {
  const province = await ensureUnit(db, { code: "AU1", name: "Tỉnh Thử", level: "province", kind: "tinh", parent: null });
  const commune = await ensureUnit(db, { code: "AU2", name: "Xã Thử", level: "commune", kind: "xa", parent: province });
  const { id } = await upsertPerson(
    db,
    { name: "Lê Thị Vai Trò", phone: "0912000001", gender: "female", unitId: commune.id, roles: [{ role: "learner", unitId: commune.id }, { role: "organizer", unitId: province.id }] },
    { hash: "placeholder" },
  );
  const token = generateSessionToken();
  await createSession(db, token, id, { lifetimeDays: 30 });
  const user = await loadCurrentUser(requestWith(token));
  expect(user).toMatchObject({ id, name: "Lê Thị Vai Trò", unitId: commune.id, refreshedCookie: null });
  expect(user?.roles).toEqual(
    expect.arrayContaining([
      { role: "learner", unitId: commune.id, unitPath: commune.path, unitName: "Xã Thử" },
      { role: "organizer", unitId: province.id, unitPath: province.path, unitName: "Tỉnh Thử" },
    ]),
  );
  expect(user?.roles).toHaveLength(2);
});

test("a user without roles is still signed in, and an unknown or expired token is nobody", async () => {
  const unit = await ensureUnit(db, { code: "AU3", name: "Xã Không Vai Trò", level: "commune", kind: "xa", parent: null });
  const { id } = await upsertPerson(db, { name: "Trần Thị Không", phone: "0912000002", gender: "female", unitId: unit.id }, { hash: "placeholder" });
  const token = generateSessionToken();
  await createSession(db, token, id, { lifetimeDays: 30 });
  expect((await loadCurrentUser(requestWith(token)))?.roles).toEqual([]);
  expect(await loadCurrentUser(requestWith(generateSessionToken()))).toBeNull();

  const expired = generateSessionToken();
  const session = await createSession(db, expired, id, { lifetimeDays: 30 });
  await db.session.update({ where: { id: session.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  expect(await loadCurrentUser(requestWith(expired))).toBeNull();
  expect(await db.session.count({ where: { id: session.id } })).toBe(0);
});

test("a role the app does not know (left from an older version) grants nothing", async () => {
  const unit = await ensureUnit(db, { code: "AU4", name: "Xã Vai Trò Cũ", level: "commune", kind: "xa", parent: null });
  const { id } = await upsertPerson(db, { name: "Hồ Thị Cũ", phone: "0912000003", gender: "female", unitId: unit.id, roles: [{ role: "learner", unitId: unit.id }] }, { hash: "placeholder" });
  await db.roleAssignment.create({ data: { userId: id, unitId: unit.id, role: "quan-tri-cu" } });
  const token = generateSessionToken();
  await createSession(db, token, id, { lifetimeDays: 30 });
  expect((await loadCurrentUser(requestWith(token)))?.roles).toEqual([{ role: "learner", unitId: unit.id, unitPath: unit.path, unitName: "Xã Vai Trò Cũ" }]);
});
