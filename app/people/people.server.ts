import { z } from "zod";
import { hashPassword } from "#app/auth/password.server.ts";
import { roles } from "#app/auth/permissions.ts";
import type { Db } from "#app/db.server.ts";
import { normalizeEmail, normalizePhone } from "./contact.ts";
import { positions } from "./positions.ts";
import { ethnicities, isBirthYear, theoryLevels } from "./profile.ts";

export const newPerson = z
  .object({
    name: z.string().trim().min(2),
    phone: z.string().transform((v, ctx) => normalizePhone(v) ?? (ctx.addIssue({ code: "custom", message: "invalid phone" }), z.NEVER)).optional(),
    email: z.string().transform((v, ctx) => normalizeEmail(v) ?? (ctx.addIssue({ code: "custom", message: "invalid email" }), z.NEVER)).optional(),
    gender: z.enum(["female", "male"]),
    birthYear: z.number().refine((year) => isBirthYear(year)).optional(),
    birthDate: z.date().optional(),
    ethnicity: z.enum(ethnicities).optional(),
    partyMember: z.boolean().default(false),
    partySince: z.date().optional(),
    theoryLevel: z.enum(theoryLevels).optional(),
    education: z.string().trim().min(1).optional(),
    unitId: z.string().min(1),
    positions: z.array(z.object({ position: z.enum(positions), unitId: z.string().min(1), from: z.date(), to: z.date().optional() })).default([]),
    roles: z.array(z.object({ role: z.enum(roles), unitId: z.string().min(1) })).default([]),
  })
  .refine((p) => p.phone || p.email, { message: "phone or email required", path: ["phone"] });

export type NewPerson = z.input<typeof newPerson>;

/**
 * Creates a person, or updates the one with the same phone/email, with a password, positions and roles.
 * `hash` lets bulk imports hash a shared initial password once; `null` creates no password, so nobody can
 * sign in as the person until an organizer opens her account (app/people/accounts.server.ts).
 */
export async function upsertPerson(db: Db, input: NewPerson, password: { plain: string } | { hash: string } | null) {
  const person = newPerson.parse(input);
  const hash = password === null ? null : "hash" in password ? password.hash : await hashPassword(password.plain);
  const fields = {
    name: person.name, gender: person.gender, birthYear: person.birthYear ?? null, birthDate: person.birthDate ?? null, ethnicity: person.ethnicity ?? null,
    partyMember: person.partyMember, partySince: person.partySince ?? null, theoryLevel: person.theoryLevel ?? null, education: person.education ?? null, unitId: person.unitId,
  };
  const where = person.phone ? { phone: person.phone } : { email: person.email! };
  return db.$transaction(async (tx) => {
    const user = await tx.user.upsert({
      where,
      create: { ...fields, phone: person.phone ?? null, email: person.email ?? null, password: hash === null ? undefined : { create: { hash } } },
      update: fields,
      select: { id: true },
    });
    for (const p of person.positions) {
      await tx.positionHolding.upsert({
        where: { userId_unitId_position_from: { userId: user.id, unitId: p.unitId, position: p.position, from: p.from } },
        create: { userId: user.id, unitId: p.unitId, position: p.position, from: p.from, to: p.to ?? null },
        update: { to: p.to ?? null },
      });
    }
    for (const r of person.roles) {
      await tx.roleAssignment.upsert({
        where: { userId_role_unitId: { userId: user.id, role: r.role, unitId: r.unitId } },
        create: { userId: user.id, role: r.role, unitId: r.unitId },
        update: {},
      });
    }
    return user;
  });
}
