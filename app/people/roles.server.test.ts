import { expect, test } from "vitest";
import { loadCurrentUser } from "#app/auth/auth.server.ts";
import { createSession, generateSessionToken, sessionCookieName } from "#app/auth/session.server.ts";
import { db } from "#app/db.server.ts";
import { ensureUnit } from "#app/org/unit-tree.server.ts";
import { createPersonWithRole } from "#tests/unit/people.ts";
import { grantRole, revokeRole } from "./roles.server.ts";

const tree = async (code: string) => {
  const province = await ensureUnit(db, { code, name: "Tỉnh Vai Trò", level: "province", kind: "tinh", parent: null });
  const district = await ensureUnit(db, { code: `${code}1`, name: "Huyện Mình", level: "district", kind: "huyen", parent: province });
  const commune = await ensureUnit(db, { code: `${code}11`, name: "Xã Mình", level: "commune", kind: "xa", parent: district });
  const other = await ensureUnit(db, { code: `${code}2`, name: "Huyện Khác", level: "district", kind: "huyen", parent: province });
  return { province, district, commune, other };
};
/** The granter as the app sees her: her roles read through a real session. */
const granter = async (userId: string) => {
  const token = generateSessionToken();
  await createSession(db, token, userId, { lifetimeDays: 30 });
  return (await loadCurrentUser(new Request("http://localhost/", { headers: { Cookie: `${sessionCookieName}=${token}` } })))!;
};
const outOfScope = { ok: false, error: "peopleAdmin.error.roleOutOfScope" };

test("an organizer opens learning in her subtree, and grants nothing else nor anything outside it", async () => {
  const { province, district, commune, other } = await tree("RG");
  const organizer = await granter(await createPersonWithRole(db, "organizer", district));
  const cadre = await createPersonWithRole(db, "learner", commune);
  expect(await grantRole(db, organizer, cadre, "learner", district)).toEqual({ ok: true });
  for (const role of ["trainer", "organizer", "admin"] as const) expect(await grantRole(db, organizer, cadre, role, commune)).toEqual(outOfScope);
  expect(await grantRole(db, organizer, cadre, "learner", other)).toEqual(outOfScope);
  expect(await grantRole(db, organizer, cadre, "learner", province)).toEqual(outOfScope);
  expect(await db.roleAssignment.findMany({ where: { userId: cadre }, select: { role: true, unitId: true }, orderBy: { createdAt: "asc" } })).toEqual([
    { role: "learner", unitId: commune.id },
    { role: "learner", unitId: district.id },
  ]);
});

test("an admin grants any role within her scope but never above it, and nobody changes her own roles", async () => {
  const { province, district, commune } = await tree("RA");
  const admin = await granter(await createPersonWithRole(db, "admin", district));
  const cadre = await createPersonWithRole(db, "learner", commune);
  expect(await grantRole(db, admin, cadre, "organizer", commune)).toEqual({ ok: true });
  expect(await grantRole(db, admin, cadre, "admin", district)).toEqual({ ok: true });
  expect(await grantRole(db, admin, cadre, "admin", province)).toEqual(outOfScope);
  expect(await grantRole(db, admin, admin.id, "trainer", commune)).toEqual({ ok: false, error: "peopleAdmin.error.ownRoles" });
  const own = await db.roleAssignment.findFirstOrThrow({ where: { userId: admin.id } });
  expect(await revokeRole(db, admin, admin.id, own.id)).toEqual({ ok: false, error: "peopleAdmin.error.ownRoles" });
});

test("a role is revoked only by whoever could grant it there, and every grant and revocation is audited", async () => {
  const { district, commune } = await tree("RR");
  const organizer = await granter(await createPersonWithRole(db, "organizer", district));
  const admin = await granter(await createPersonWithRole(db, "admin", district));
  const cadre = await createPersonWithRole(db, "learner", commune);
  await grantRole(db, admin, cadre, "trainer", commune);
  const trainer = await db.roleAssignment.findFirstOrThrow({ where: { userId: cadre, role: "trainer" } });
  const learner = await db.roleAssignment.findFirstOrThrow({ where: { userId: cadre, role: "learner" } });
  expect(await revokeRole(db, organizer, cadre, trainer.id)).toEqual(outOfScope);
  expect(await revokeRole(db, organizer, cadre, learner.id)).toEqual({ ok: true });
  expect(await revokeRole(db, admin, cadre, trainer.id)).toEqual({ ok: true });
  const events = await db.auditEvent.findMany({ where: { entity: "role", entityId: { in: [trainer.id, learner.id] } }, orderBy: { at: "asc" }, select: { action: true, actorId: true, unitPath: true, before: true, after: true } });
  expect(events).toEqual([
    { action: "role.grant", actorId: admin.id, unitPath: commune.path, before: null, after: JSON.stringify({ userId: cadre, role: "trainer", unitId: commune.id }) },
    { action: "role.revoke", actorId: organizer.id, unitPath: commune.path, before: JSON.stringify({ userId: cadre, role: "learner", unitId: commune.id }), after: null },
    { action: "role.revoke", actorId: admin.id, unitPath: commune.path, before: JSON.stringify({ userId: cadre, role: "trainer", unitId: commune.id }), after: null },
  ]);
});
