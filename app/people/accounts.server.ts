import { z } from "zod";
import { claimAttempt } from "#app/auth/throttle.server.ts";
import { recordAudit } from "#app/audit/audit.server.ts";
import { hashPassword, verifyPassword } from "#app/auth/password.server.ts";
import type { Db } from "#app/db.server.ts";
import type { Actor } from "./profile.server.ts";

// Without 0/O, 1/l/I: a temporary password is read aloud or copied from a screen by hand.
const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

/** 12 random characters in groups of four (≈ 59 bits): enough for a password that must be changed at once. */
export function generateTemporaryPassword() {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]);
  return [0, 4, 8].map((i) => chars.slice(i, i + 4).join("")).join("-");
}

export const minPasswordLength = 8;
const newPassword = z.string({ error: "peopleAdmin.error.passwordShort" }).min(minPasswordLength, "peopleAdmin.error.passwordShort").max(200, "peopleAdmin.error.passwordLong");

/** The organizer types a temporary password, or leaves the field empty to have one generated. */
export const temporaryPasswordForm = z.object({
  password: z
    .string()
    .default("")
    .transform((v) => v.trim())
    .pipe(z.union([z.literal(""), newPassword]))
    .transform((v) => v || generateTemporaryPassword()),
});

type Person = { id: string; unit: { id: string; path: string } };
type Outcome = { ok: true; password?: string } | { ok: false; error: string };

/**
 * Opens an account for a cadre who has none: a temporary password she must change at her first sign-in,
 * and the learner role on her unit so that she can learn.
 */
export async function createAccount(db: Db, actor: Actor, person: Person, password: string): Promise<Outcome> {
  const current = await db.user.findUniqueOrThrow({ where: { id: person.id }, select: { phone: true, email: true, password: { select: { userId: true } } } });
  if (current.password) return { ok: false, error: "peopleAdmin.error.accountExists" };
  if (!current.phone && !current.email) return { ok: false, error: "peopleAdmin.error.noContact" };
  const hash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    await tx.password.create({ data: { userId: person.id, hash } });
    await tx.user.update({ where: { id: person.id }, data: { mustChangePassword: true } });
    const role = { userId: person.id, role: "learner", unitId: person.unit.id };
    const granted = (await tx.roleAssignment.findUnique({ where: { userId_role_unitId: role }, select: { id: true } })) ?? (await tx.roleAssignment.create({ data: role, select: { id: true } }));
    await recordAudit(tx, { actorId: actor.id, action: "account.create", entity: "account", entityId: person.id, unitPath: person.unit.path, after: { account: true, mustChangePassword: true, learnerRoleId: granted.id } });
  });
  return { ok: true, password };
}

/** A temporary password replaces the old one; her sessions end, as a reset often follows a lost phone. */
export async function resetPassword(db: Db, actor: Actor, person: Person, password: string): Promise<Outcome> {
  const hash = await hashPassword(password);
  const updated = await db.$transaction(async (tx) => {
    const { count } = await tx.password.updateMany({ where: { userId: person.id }, data: { hash } });
    if (count === 0) return false;
    await tx.user.update({ where: { id: person.id }, data: { mustChangePassword: true } });
    await tx.session.deleteMany({ where: { userId: person.id } });
    await recordAudit(tx, { actorId: actor.id, action: "account.resetPassword", entity: "account", entityId: person.id, unitPath: person.unit.path, after: { mustChangePassword: true } });
    return true;
  });
  return updated ? { ok: true, password } : { ok: false, error: "peopleAdmin.error.noAccount" };
}

/** Sign-in is refused and every session ends; the person, her positions and her learning stay. */
export async function setDeactivated(db: Db, actor: Actor, person: Person, deactivate: boolean): Promise<Outcome> {
  return db.$transaction(async (tx) => {
    const { deactivatedAt } = await tx.user.findUniqueOrThrow({ where: { id: person.id }, select: { deactivatedAt: true } });
    if (Boolean(deactivatedAt) === deactivate) return { ok: true };
    const after = deactivate ? new Date() : null;
    await tx.user.update({ where: { id: person.id }, data: { deactivatedAt: after } });
    if (deactivate) await tx.session.deleteMany({ where: { userId: person.id } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: deactivate ? "account.deactivate" : "account.reactivate",
      entity: "account",
      entityId: person.id,
      unitPath: person.unit.path,
      before: { deactivatedAt },
      after: { deactivatedAt: after },
    });
    return { ok: true };
  });
}

export const passwordChangeForm = z
  .object({
    current: z.string({ error: "peopleAdmin.error.currentPassword" }).min(1, "peopleAdmin.error.currentPassword"),
    next: newPassword,
    confirm: z.string().default(""),
  })
  .refine((f) => f.next === f.confirm, { path: ["confirm"], message: "peopleAdmin.error.confirm" })
  .refine((f) => f.next !== f.current, { path: ["next"], message: "peopleAdmin.error.samePassword" });

/** She changes her own password: the temporary one stops working and her other sessions end. */
export async function changeOwnPassword(db: Db, user: { id: string; sessionId: string }, input: z.output<typeof passwordChangeForm>) {
  const account = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { unit: { select: { path: true } }, password: { select: { hash: true } } } });
  // Whoever holds a session must not be able to guess the current password and lock its owner out.
  const attempt = await claimAttempt(db, "password-change", user.id);
  if (!attempt.allowed) return { ok: false as const, errors: { current: "peopleAdmin.error.tooManyAttempts" } };
  if (!account.password || !(await verifyPassword(account.password.hash, input.current))) {
    await attempt.failed();
    return { ok: false as const, errors: { current: "peopleAdmin.error.currentPassword" } };
  }
  await attempt.passed();
  const hash = await hashPassword(input.next);
  await db.$transaction(async (tx) => {
    await tx.password.update({ where: { userId: user.id }, data: { hash } });
    await tx.user.update({ where: { id: user.id }, data: { mustChangePassword: false } });
    await tx.session.deleteMany({ where: { userId: user.id, id: { not: user.sessionId } } });
    await recordAudit(tx, { actorId: user.id, action: "account.changePassword", entity: "account", entityId: user.id, unitPath: account.unit.path, after: { mustChangePassword: false } });
  });
  return { ok: true as const };
}
