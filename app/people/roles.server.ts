import { z } from "zod";
import { recordAudit } from "#app/audit/audit.server.ts";
import { canGrantRole, roles, type ScopedRole } from "#app/auth/permissions.ts";
import type { Db } from "#app/db.server.ts";

export const grantForm = z.object({ role: z.enum(roles, { error: "peopleAdmin.error.choice" }), unitId: z.string().min(1, "peopleAdmin.error.choice") });

type Granter = { id: string; roles: readonly ScopedRole[] };
type Outcome = { ok: true } | { ok: false; error: string };

/** Grants a role on a unit of the granter's scope; nobody changes her own roles, so nobody raises herself. */
export async function grantRole(db: Db, granter: Granter, personId: string, role: z.output<typeof grantForm>["role"], unit: { id: string; path: string }): Promise<Outcome> {
  if (personId === granter.id) return { ok: false, error: "peopleAdmin.error.ownRoles" };
  if (!canGrantRole(granter.roles, role, unit.path)) return { ok: false, error: "peopleAdmin.error.roleOutOfScope" };
  return db.$transaction(async (tx) => {
    const key = { userId: personId, role, unitId: unit.id };
    if (await tx.roleAssignment.findUnique({ where: { userId_role_unitId: key }, select: { id: true } })) return { ok: true };
    const created = await tx.roleAssignment.create({ data: key, select: { id: true } });
    await recordAudit(tx, { actorId: granter.id, action: "role.grant", entity: "role", entityId: created.id, unitPath: unit.path, after: key });
    return { ok: true };
  });
}

export async function revokeRole(db: Db, granter: Granter, personId: string, assignmentId: string): Promise<Outcome> {
  const assignment = await db.roleAssignment.findFirst({ where: { id: assignmentId, userId: personId }, select: { id: true, userId: true, role: true, unitId: true, unit: { select: { path: true } } } });
  if (!assignment) return { ok: false, error: "peopleAdmin.error.roleOutOfScope" };
  if (personId === granter.id) return { ok: false, error: "peopleAdmin.error.ownRoles" };
  const role = z.enum(roles).safeParse(assignment.role);
  // A role the app no longer knows may be removed by whoever may grant every role there.
  if (!canGrantRole(granter.roles, role.success ? role.data : "admin", assignment.unit.path)) return { ok: false, error: "peopleAdmin.error.roleOutOfScope" };
  await db.$transaction(async (tx) => {
    await tx.roleAssignment.delete({ where: { id: assignment.id } });
    await recordAudit(tx, { actorId: granter.id, action: "role.revoke", entity: "role", entityId: assignment.id, unitPath: assignment.unit.path, before: { userId: assignment.userId, role: assignment.role, unitId: assignment.unitId } });
  });
  return { ok: true };
}
