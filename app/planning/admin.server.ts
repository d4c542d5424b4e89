import { z } from "zod";
import { recordAudit } from "#app/audit/audit.server.ts";
import type { Db } from "#app/db.server.ts";
import type { PlanningAdminKey } from "#app/i18n/vi/planning-admin.ts";
import { isoDay } from "#app/org/days.ts";
import { dayField } from "#app/org/day-field.server.ts";
import { theoryLevels } from "#app/people/profile.ts";
import { setPolicy } from "#app/policy/policy.server.ts";
import { parsePolicyValue, policyKeys, policyValueKinds } from "#app/policy/values.ts";
import { planningLevels, planningPositionKeys } from "./positions.ts";

// Terms, the positions' requirements and the rules are data every unit is judged by: nothing here is deleted,
// a change is a new row from its date (or an end date on the old one), so earlier days keep their rules.
const everywhere = "/";

export type AdminErrorKey = Extract<PlanningAdminKey, `planningAdmin.error.${string}`>;
type Errors = Partial<Record<string, AdminErrorKey>>;
export type Saved = { ok: true } | { ok: false; errors: Errors };

const day = (message: AdminErrorKey = "planningAdmin.error.date") => dayField(message);
const source = z.string({ error: "planningAdmin.error.source" }).trim().min(3, "planningAdmin.error.source").max(300, "planningAdmin.error.source");
const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: "planningAdmin.error.choice" });

/** "2030-2035": two years, the second after the first. */
const termKey = z
  .string({ error: "planningAdmin.error.termKey" })
  .trim()
  .refine((key) => {
    const match = /^(\d{4})-(\d{4})$/.exec(key);
    return match !== null && Number(match[2]) > Number(match[1]);
  }, "planningAdmin.error.termKey");

export const termForm = z
  .object({ key: termKey, startsOn: day(), endsOn: day(), treeOn: day() })
  // Checked as soon as both days read, so a wrong key does not hide it.
  .refine((t) => t.endsOn > t.startsOn, {
    path: ["endsOn"],
    message: "planningAdmin.error.endBeforeStart",
    when: ({ value }) => [(value as Record<string, unknown>).startsOn, (value as Record<string, unknown>).endsOn].every((d) => d instanceof Date),
  });

export async function addTerm(db: Db, actorId: string, term: z.output<typeof termForm>): Promise<Saved> {
  return db.$transaction(async (tx) => {
    if (await tx.term.findUnique({ where: { key: term.key }, select: { id: true } })) return { ok: false, errors: { key: "planningAdmin.error.termTaken" } };
    const created = await tx.term.create({ data: term, select: { id: true } });
    const shown = { key: term.key, startsOn: isoDay(term.startsOn), endsOn: isoDay(term.endsOn), treeOn: isoDay(term.treeOn) };
    await recordAudit(tx, { actorId, action: "planning.term.create", entity: "Term", entityId: created.id, unitPath: everywhere, after: shown });
    return { ok: true as const };
  });
}

/** The item a position requires, as the form's one select sends it: "course:<slug>", "theory_level:<level>", "party_member:yes". */
export const requirementForm = (courseSlugs: readonly string[]) =>
  z.object({
    position: choice(planningPositionKeys as [string, ...string[]]),
    unitLevel: choice(planningLevels),
    item: z.string({ error: "planningAdmin.error.choice" }).transform((v, ctx) => {
      const [kind, value] = [v.slice(0, v.indexOf(":")), v.slice(v.indexOf(":") + 1)];
      const valid =
        (kind === "course" && courseSlugs.includes(value)) ||
        (kind === "theory_level" && (theoryLevels as readonly string[]).includes(value)) ||
        (kind === "party_member" && value === "yes");
      if (!valid) {
        ctx.addIssue({ code: "custom", message: "planningAdmin.error.choice" });
        return z.NEVER;
      }
      return { kind, value };
    }),
    source,
    effectiveFrom: day(),
  });
export type RequirementInput = z.output<ReturnType<typeof requirementForm>>;

/** A new item from its date; refused while the same item is in force then or later (end it first). */
export async function addRequirement(db: Db, actorId: string, input: RequirementInput): Promise<Saved> {
  const { item, ...rest } = input;
  const row = { ...rest, ...item };
  return db.$transaction(async (tx) => {
    const same = { position: row.position, unitLevel: row.unitLevel, kind: row.kind, value: row.value };
    const overlapping = await tx.positionRequirement.findFirst({
      where: { ...same, OR: [{ effectiveFrom: row.effectiveFrom }, { effectiveTo: null }, { effectiveTo: { gt: row.effectiveFrom } }] },
      select: { id: true },
    });
    if (overlapping) return { ok: false, errors: { item: "planningAdmin.error.itemInForce" } };
    const created = await tx.positionRequirement.create({ data: row, select: { id: true } });
    await recordAudit(tx, {
      actorId, action: "planning.requirement.add", entity: "PositionRequirement", entityId: created.id, unitPath: everywhere,
      after: { ...row, effectiveFrom: isoDay(row.effectiveFrom) },
    });
    return { ok: true as const };
  });
}

export const endRequirementForm = z.object({ requirementId: z.string({ error: "planningAdmin.error.notOpen" }).min(1, "planningAdmin.error.notOpen"), effectiveTo: day() });

/** Ends an item on a day: it no longer applies from that day, and keeps applying to the days before it. */
export async function endRequirement(db: Db, actorId: string, input: z.output<typeof endRequirementForm>): Promise<Saved> {
  return db.$transaction(async (tx) => {
    const row = await tx.positionRequirement.findUnique({ where: { id: input.requirementId } });
    if (!row || row.effectiveTo !== null) return { ok: false, errors: { effectiveTo: "planningAdmin.error.notOpen" } };
    if (input.effectiveTo <= row.effectiveFrom) return { ok: false, errors: { effectiveTo: "planningAdmin.error.endBeforeStart" } };
    await tx.positionRequirement.update({ where: { id: row.id }, data: { effectiveTo: input.effectiveTo } });
    await recordAudit(tx, {
      actorId, action: "planning.requirement.end", entity: "PositionRequirement", entityId: row.id, unitPath: everywhere,
      before: { effectiveTo: null }, after: { effectiveTo: isoDay(input.effectiveTo) },
    });
    return { ok: true as const };
  });
}

export const ruleForm = z
  .object({ key: choice(policyKeys as [string, ...string[]]), value: z.string({ error: "planningAdmin.error.value" }), source, effectiveFrom: day() })
  .transform((rule, ctx) => {
    const key = rule.key as (typeof policyKeys)[number];
    const value = parsePolicyValue(policyValueKinds[key], rule.value);
    if (value === null) {
      ctx.addIssue({ code: "custom", path: ["value"], message: "planningAdmin.error.value" });
      return z.NEVER;
    }
    return { ...rule, key, value };
  });

/**
 * A new version of a rule from its date (a new directive): the version in force then ends on that day
 * (setPolicy, audited). It must start after every earlier version, so the history stays one line of periods.
 */
export async function addRuleVersion(db: Db, actorId: string, rule: z.output<typeof ruleForm>): Promise<Saved> {
  const latest = await db.policyRule.findFirst({ where: { key: rule.key }, orderBy: { effectiveFrom: "desc" }, select: { effectiveFrom: true } });
  if (latest && rule.effectiveFrom <= latest.effectiveFrom) return { ok: false, errors: { effectiveFrom: "planningAdmin.error.notAfterLatest" } };
  await setPolicy(db, actorId, rule);
  return { ok: true };
}

/** What the page lists: the terms, every version of every rule, and every item (in force or ended) of one position at one level. */
export async function planningAdminPage(db: Db, position: string, unitLevel: string) {
  const [terms, rules, requirements] = await Promise.all([
    db.term.findMany({ orderBy: { startsOn: "asc" }, select: { id: true, key: true, startsOn: true, endsOn: true, treeOn: true } }),
    db.policyRule.findMany({ select: { id: true, key: true, value: true, source: true, effectiveFrom: true, effectiveTo: true, note: true } }),
    db.positionRequirement.findMany({
      where: { position, unitLevel },
      orderBy: [{ kind: "asc" }, { value: "asc" }, { effectiveFrom: "asc" }],
      select: { id: true, kind: true, value: true, source: true, effectiveFrom: true, effectiveTo: true },
    }),
  ]);
  const order = (key: string) => policyKeys.indexOf(key as (typeof policyKeys)[number]);
  return { terms, rules: rules.sort((a, b) => order(a.key) - order(b.key) || a.effectiveFrom.getTime() - b.effectiveFrom.getTime()), requirements };
}
