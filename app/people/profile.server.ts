import { canOnUnit, type ScopedRole } from "#app/auth/permissions.ts";
import { z } from "zod";
import { recordAudit } from "#app/audit/audit.server.ts";
import type { Db } from "#app/db.server.ts";
import { normalizeEmail, normalizePhone } from "./contact.ts";
import { isoDay, parseDay } from "#app/org/days.ts";
import { dayField } from "#app/org/day-field.server.ts";
import { positions } from "./positions.ts";
import { ethnicities, genders, isBirthYear, theoryLevels } from "./profile.ts";

// Form fields arrive as text; an empty field means "not known" and is stored as null.
const blank = (v: string) => v.trim() === "";
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.string().refine((v) => blank(v) || (values as readonly string[]).includes(v), message).transform((v) => (blank(v) ? null : (v as T[number])));
const optionalContact = (normalize: (v: string) => string | null, message: string) =>
  z.string().transform((v, ctx) => (blank(v) ? null : (normalize(v) ?? (ctx.addIssue({ code: "custom", message }), z.NEVER))));
const optionalDay = (message: string) => z.string().transform((v, ctx) => (blank(v) ? null : (parseDay(v) ?? (ctx.addIssue({ code: "custom", message }), z.NEVER))));


/** "1978" or "12/03/1978": a birth year, or a full birth date and its year. */
const birth = z.string().transform((v, ctx) => {
  const text = v.trim();
  if (text === "") return { birthYear: null, birthDate: null };
  const date = /^\d{4}$/.test(text) ? null : parseDay(text);
  const year = date ? Number(isoDay(date).slice(0, 4)) : /^\d{4}$/.test(text) ? Number(text) : NaN;
  if (!isBirthYear(year)) {
    ctx.addIssue({ code: "custom", message: "peopleAdmin.error.birth" });
    return z.NEVER;
  }
  return { birthYear: year, birthDate: date };
});

export const profileForm = z
  .object({
    name: z.string({ error: "peopleAdmin.error.name" }).trim().min(2, "peopleAdmin.error.name").max(100, "peopleAdmin.error.name"),
    gender: z.enum(genders, { error: "peopleAdmin.error.gender" }),
    birth: birth.prefault(""),
    ethnicity: optionalEnum(ethnicities, "peopleAdmin.error.choice").prefault(""),
    phone: optionalContact(normalizePhone, "peopleAdmin.error.phone").prefault(""),
    email: optionalContact(normalizeEmail, "peopleAdmin.error.email").prefault(""),
    // A checkbox sends its value only when ticked.
    partyMember: z.literal("on", { error: "peopleAdmin.error.choice" }).optional().transform((v) => v === "on"),
    partySince: optionalDay("peopleAdmin.error.date").prefault(""),
    theoryLevel: optionalEnum(theoryLevels, "peopleAdmin.error.choice").prefault(""),
    education: z.string().trim().max(200, "peopleAdmin.error.education").transform((v) => v || null).prefault(""),
  })
  .superRefine((p, ctx) => {
    if (p.partySince && !p.partyMember) ctx.addIssue({ code: "custom", path: ["partySince"], message: "peopleAdmin.error.partySinceWithoutMember" });
    if (p.partySince && p.partySince > new Date()) ctx.addIssue({ code: "custom", path: ["partySince"], message: "peopleAdmin.error.future" });
  })
  .transform(({ birth: b, ...rest }) => ({ ...rest, ...b }));

export type ProfileInput = z.output<typeof profileForm>;

/** The first message of each field, for a form to show beside it. */
export function fieldErrors(error: z.ZodError) {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
  return errors;
}

const profileSelect = {
  name: true, gender: true, birthYear: true, birthDate: true, ethnicity: true, phone: true, email: true,
  partyMember: true, partySince: true, theoryLevel: true, education: true,
} as const;

export async function personProfile(db: Db, id: string) {
  return db.user.findUnique({
    where: { id },
    select: {
      id: true, ...profileSelect, deactivatedAt: true, mustChangePassword: true,
      unit: { select: { id: true, name: true, path: true } },
      password: { select: { userId: true } },
      holdings: { select: { id: true, position: true, from: true, to: true, unit: { select: { id: true, name: true } } }, orderBy: [{ from: "desc" }] },
      roles: { select: { id: true, role: true, unit: { select: { id: true, name: true, path: true } } }, orderBy: { createdAt: "asc" } },
    },
  });
}
export type PersonProfile = NonNullable<Awaited<ReturnType<typeof personProfile>>>;

export type Actor = { id: string };
type Unit = { path: string };

/** Saves a profile; a phone or email another person uses is a field error, not a crash. */
export async function updateProfile(db: Db, actor: Actor, person: { id: string; unit: Unit }, input: ProfileInput) {
  const taken = await db.user.findFirst({
    where: { id: { not: person.id }, OR: [...(input.phone ? [{ phone: input.phone }] : []), ...(input.email ? [{ email: input.email }] : [])] },
    select: { phone: true, email: true },
  });
  if (taken && (input.phone || input.email)) return { ok: false as const, errors: taken.phone && taken.phone === input.phone ? { phone: "peopleAdmin.error.phoneTaken" } : { email: "peopleAdmin.error.emailTaken" } };
  await db.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: person.id }, select: profileSelect });
    const after = await tx.user.update({ where: { id: person.id }, data: input, select: profileSelect });
    await recordAudit(tx, { actorId: actor.id, action: "person.update", entity: "person", entityId: person.id, unitPath: person.unit.path, ...changed(before, after) });
  });
  return { ok: true as const };
}

/** Only the fields that changed, before and after: what a reader of the audit wants to see. */
export function changed<T extends Record<string, unknown>>(before: T, after: T) {
  const keys = Object.keys(after).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  return { before: Object.fromEntries(keys.map((k) => [k, before[k]])), after: Object.fromEntries(keys.map((k) => [k, after[k]])) };
}

export const positionForm = z.object({
  position: z.enum(positions, { error: "peopleAdmin.error.choice" }),
  unitId: z.string({ error: "peopleAdmin.error.choice" }).min(1, "peopleAdmin.error.choice"),
  from: dayField("peopleAdmin.error.date"),
});

export async function addPosition(db: Db, actor: Actor, personId: string, unit: { id: string; path: string }, input: z.output<typeof positionForm>) {
  const holding = { userId: personId, unitId: unit.id, position: input.position, from: input.from };
  const exists = await db.positionHolding.findUnique({ where: { userId_unitId_position_from: holding }, select: { id: true } });
  if (exists) return { ok: false as const, errors: { from: "peopleAdmin.error.positionExists" } };
  await db.$transaction(async (tx) => {
    const created = await tx.positionHolding.create({ data: holding, select: { id: true } });
    await recordAudit(tx, { actorId: actor.id, action: "position.add", entity: "position", entityId: created.id, unitPath: unit.path, after: { userId: personId, position: input.position, unitId: unit.id, from: input.from } });
  });
  return { ok: true as const };
}

export const endPositionForm = z.object({ holdingId: z.string({ error: "peopleAdmin.error.positionNotHeld" }).min(1, "peopleAdmin.error.positionNotHeld"), to: dayField("peopleAdmin.error.date") });

/** Ends a position still held: the row stays, with the day it ended, so the history is kept. */
export async function endPosition(db: Db, actor: Actor & { roles: readonly ScopedRole[] }, personId: string, input: z.output<typeof endPositionForm>) {
  const holding = await db.positionHolding.findFirst({ where: { id: input.holdingId, userId: personId, to: null }, select: { id: true, from: true, unit: { select: { path: true } } } });
  // A post held in a unit beyond her scope (the province, say) is not hers to end, as it was not hers to give.
  if (!holding || !canOnUnit(actor.roles, "people:manage", holding.unit.path)) return { ok: false as const, errors: { to: "peopleAdmin.error.positionNotHeld" } };
  if (input.to < holding.from) return { ok: false as const, errors: { to: "peopleAdmin.error.endBeforeStart" } };
  await db.$transaction(async (tx) => {
    await tx.positionHolding.update({ where: { id: holding.id }, data: { to: input.to } });
    await recordAudit(tx, { actorId: actor.id, action: "position.end", entity: "position", entityId: holding.id, unitPath: holding.unit.path, before: { to: null }, after: { to: input.to } });
  });
  return { ok: true as const };
}
