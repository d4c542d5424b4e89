import { z } from "zod";
import { recordAudit } from "#app/audit/audit.server.ts";
import type { Catalog } from "#app/courses/catalog.server.ts";
import { isOverdue } from "#app/courses/requirements.server.ts";
import type { Db, DbTx } from "#app/db.server.ts";
import type { planningListMessages } from "#app/i18n/vi/planning-list.ts";
import { isoDay, vietnamDay } from "#app/org/days.ts";
import { dayField } from "#app/org/day-field.server.ts";
import { plannableWhere } from "./eligibility.ts";
import { activeEntries, activeStatuses, listFacts, rulesFor, type PlanningTerm } from "./lists.server.ts";
import { planningPositionKeys, type PlanningPosition } from "./positions.ts";
import { completedCourses, requirementsOn } from "./readiness.server.ts";
import { listWarnings } from "./rules.ts";
import { notThroughProcedure } from "./steps.server.ts";

export type PlanningUnit = { id: string; path: string; name: string; level: string };
export type ListKey = keyof typeof planningListMessages;
export type Outcome<F extends string, T = object> = ({ ok: true } & T) | { ok: false; errors: Partial<Record<F, ListKey>> };

const positionField = z.enum(planningPositionKeys as [PlanningPosition, ...PlanningPosition[]], { error: "planningList.error.position" });
const reasonField = z.string().trim().min(3, "planningList.error.reason").max(500, "planningList.error.reason");

/**
 * The due date a planned cadre's missing courses get unless the organizer sets another: six months from
 * today (the same day of the month, or the month's last day), long enough to study beside her work and
 * short enough to be ready before the yearly review.
 */
export function defaultDueOn(today: Date) {
  const [y, m, d] = isoDay(today).split("-").map(Number) as [number, number, number];
  const month = m + 6;
  const [year, monthOfYear] = [y + Math.floor((month - 1) / 12), ((month - 1) % 12) + 1];
  for (let day = d; day > 27; day--) {
    const found = vietnamDay(year, monthOfYear, day);
    if (found) return found;
  }
  return vietnamDay(year, monthOfYear, Math.min(d, 28))!;
}

export const planForm = (now: Date) =>
  z.object({
    cadre: z.string().min(1, "planningList.error.cadre"),
    position: positionField,
    dueOn: dayField("planningList.error.dueOn").refine((due) => !isOverdue(due, now), "planningList.error.duePast"),
  });
export type PlanInput = z.output<ReturnType<typeof planForm>>;

export const removeForm = z.object({ entry: z.string({ error: "planningList.error.cadre" }).min(1, "planningList.error.cadre"), reason: reasonField });

/** The warnings of a unit's list for a term as it stands now, each naming its rule's source. */
export async function warningsFor(db: Db | DbTx, unit: PlanningUnit, term: PlanningTerm, day: Date) {
  const rules = await rulesFor(db, term, day);
  const facts = await listFacts(db, await activeEntries(db, [unit.id], term), term, rules, day);
  return listWarnings(facts.get(unit.id) ?? [], rules);
}

const auditEntry = (tx: DbTx, actorId: string, unit: PlanningUnit, action: string, entryId: string, before: unknown, after: unknown) =>
  recordAudit(tx, { actorId, action, entity: "PlanningEntry", entityId: entryId, unitPath: unit.path, before, after });

/**
 * Gives a planned cadre the position's required courses she has not completed, each due on `dueOn`; a
 * course already assigned to her keeps its date (an earlier date is never pushed back, nor a later one cut).
 */
async function assignMissingCourses(tx: DbTx, actorId: string, entry: { id: string; userId: string; position: string }, unit: PlanningUnit, dueOn: Date, day: Date, catalog: Catalog) {
  const required = (await requirementsOn(tx, day)).get(`${entry.position}:${unit.level}`) ?? [];
  const done = (await completedCourses(tx, [entry.userId], catalog)).get(entry.userId)!;
  const missing = required.flatMap((r) => (r.kind === "course" && !done.has(r.value) ? (catalog.bySlug.get(r.value) ?? []) : []));
  const existing = new Set(
    (await tx.courseAssignment.findMany({ where: { userId: entry.userId, courseId: { in: missing.map((c) => c.id) } }, select: { courseId: true } })).map((a) => a.courseId),
  );
  const assigned = missing.filter((c) => !existing.has(c.id));
  for (const course of assigned)
    await tx.courseAssignment.create({ data: { userId: entry.userId, courseId: course.id, dueOn, planningEntryId: entry.id, createdById: actorId } });
  return assigned.map((c) => c.slug);
}

/** Plans one cadre inside the caller's transaction: a new entry, or a removed one proposed again. */
async function planIn(tx: DbTx, actorId: string, unit: PlanningUnit, term: PlanningTerm, input: PlanInput, on: Date, catalog: Catalog, reviewId: string | null = null) {
  const cadre = await tx.user.findFirst({
    where: { id: input.cadre, ...plannableWhere(unit, term) },
    select: { id: true, name: true },
  });
  if (!cadre) return { ok: false as const, errors: { cadre: "planningList.error.outside" as const } };
  const key = { userId: cadre.id, unitId: unit.id, termId: term.id, position: input.position };
  const before = await tx.planningEntry.findUnique({ where: { userId_unitId_termId_position: key }, select: { id: true, status: true } });
  if (before && before.status !== "removed") return { ok: false as const, errors: { cadre: "planningList.error.duplicate" as const } };
  const entry = before
    ? await tx.planningEntry.update({ where: { id: before.id }, data: { status: "proposed", reason: null }, select: { id: true, userId: true, position: true } })
    : await tx.planningEntry.create({ data: { ...key, status: "proposed" }, select: { id: true, userId: true, position: true } });
  await tx.planningEvent.create({ data: { entryId: entry.id, on, status: "proposed", actorId, reviewId } });
  const assigned = await assignMissingCourses(tx, actorId, entry, unit, input.dueOn, on, catalog);
  await auditEntry(tx, actorId, unit, "planning.plan", entry.id, before ?? undefined, {
    cadre: cadre.name,
    position: input.position,
    term: term.key,
    status: "proposed",
    assignedCourses: assigned,
    dueOn: isoDay(input.dueOn),
  });
  return { ok: true as const, entryId: entry.id, name: cadre.name, assigned };
}

/** Plans a cadre of the unit (plannableWhere) for a position of the unit's list; the warnings of the list after the change come back with it. */
export async function planCadre(db: Db, actorId: string, unit: PlanningUnit, term: PlanningTerm, input: PlanInput, catalog: Catalog, now = new Date()) {
  return db.$transaction(async (tx) => {
    const planned = await planIn(tx, actorId, unit, term, input, now, catalog);
    return planned.ok ? { ...planned, warnings: await warningsFor(tx, unit, term, now) } : planned;
  });
}

/** An active entry of this unit's list for this term, or null (an id from elsewhere is as good as unknown). */
const entryOf = (tx: DbTx, unit: PlanningUnit, term: PlanningTerm, entryId: string) =>
  tx.planningEntry.findFirst({ where: { id: entryId, unitId: unit.id, termId: term.id }, select: { id: true, status: true, reason: true, user: { select: { name: true } } } });

/** Approves a proposed entry; null when the list has no such entry. */
export async function approveEntry(db: Db, actorId: string, unit: PlanningUnit, term: PlanningTerm, entryId: string, now = new Date()) {
  return db.$transaction(async (tx) => {
    const entry = await entryOf(tx, unit, term, entryId);
    if (!entry) return null;
    if (entry.status !== "proposed") return { ok: false as const, errors: { entry: "planningList.error.notProposed" as const } };
    if ((await notThroughProcedure(tx, unit, term, [entry.id], now)).size > 0) return { ok: false as const, errors: { entry: "planningList.error.notThrough" as const } };
    await tx.planningEntry.update({ where: { id: entry.id }, data: { status: "approved" } });
    await tx.planningEvent.create({ data: { entryId: entry.id, on: now, status: "approved", actorId } });
    await auditEntry(tx, actorId, unit, "planning.approve", entry.id, { status: entry.status }, { status: "approved" });
    return { ok: true as const, name: entry.user.name, warnings: await warningsFor(tx, unit, term, now) };
  });
}

/** Takes an active entry off the list with its reason; null when the list has no such entry. */
export async function removeEntry(db: Db, actorId: string, unit: PlanningUnit, term: PlanningTerm, input: z.output<typeof removeForm>, now = new Date()) {
  return db.$transaction(async (tx) => {
    const entry = await entryOf(tx, unit, term, input.entry);
    if (!entry) return null;
    if (entry.status === "removed") return { ok: false as const, errors: { entry: "planningList.error.alreadyRemoved" as const } };
    await tx.planningEntry.update({ where: { id: entry.id }, data: { status: "removed", reason: input.reason } });
    await tx.planningEvent.create({ data: { entryId: entry.id, on: now, status: "removed", reason: input.reason, actorId } });
    await auditEntry(tx, actorId, unit, "planning.remove", entry.id, { status: entry.status }, { status: "removed", reason: input.reason });
    return { ok: true as const, name: entry.user.name, warnings: await warningsFor(tx, unit, term, now) };
  });
}

/** The review form: its year and day, a decision per active entry (keep, or remove with a reason), and at most one cadre added. */
export const reviewForm = (term: PlanningTerm, now: Date) => {
  const [from, to] = [Number(isoDay(term.startsOn).slice(0, 4)), Number(isoDay(term.endsOn).slice(0, 4))];
  return z.object({
    year: z.coerce.number({ error: "planningList.error.year" }).int("planningList.error.year").min(from, "planningList.error.year").max(to, "planningList.error.year"),
    heldOn: dayField("planningList.error.heldOn").refine((d) => d.getTime() <= now.getTime(), "planningList.error.heldOnFuture"),
    note: z.string().trim().max(2000, "planningList.error.note"),
    decisions: z.array(z.object({ entry: z.string().min(1), keep: z.boolean(), reason: z.string().trim().max(500, "planningList.error.reason") })),
    add: planForm(now).nullable(),
  });
};
export type ReviewInput = z.output<ReturnType<typeof reviewForm>>;
type ReviewField = "year" | "heldOn" | "note" | "cadre" | "position" | "dueOn" | `reason:${string}`;

/**
 * The yearly review of a unit's list ("động và mở"): every active entry is kept or removed with its
 * reason, each a PlanningEvent of the review dated on its day, and a cadre may be added at it.
 */
export async function recordReview(db: Db, actorId: string, unit: PlanningUnit, term: PlanningTerm, input: ReviewInput, catalog: Catalog, now = new Date()): Promise<Outcome<ReviewField, { warnings: Awaited<ReturnType<typeof warningsFor>> }>> {
  const errors: Partial<Record<ReviewField, ListKey>> = {};
  for (const d of input.decisions) if (!d.keep && d.reason.length < 3) errors[`reason:${d.entry}`] = "planningList.error.reason";
  if (Object.keys(errors).length) return { ok: false, errors };
  try {
    return await db.$transaction(async (tx) => {
      if (await tx.planningReview.findUnique({ where: { unitId_termId_year: { unitId: unit.id, termId: term.id, year: input.year } }, select: { id: true } }))
        throw new ReviewRefused({ year: "planningList.error.reviewExists" });
      const review = await tx.planningReview.create({ data: { unitId: unit.id, termId: term.id, year: input.year, heldOn: input.heldOn, note: input.note || null }, select: { id: true } });
      const active = await tx.planningEntry.findMany({ where: { unitId: unit.id, termId: term.id, status: { in: [...activeStatuses] } }, select: { id: true, status: true } });
      const decided = new Map(input.decisions.map((d) => [d.entry, d]));
      for (const entry of active) {
        const decision = decided.get(entry.id) ?? { keep: true, reason: "" };
        if (decision.keep) {
          await tx.planningEvent.create({ data: { entryId: entry.id, on: input.heldOn, status: "kept", reviewId: review.id, actorId } });
          continue;
        }
        await tx.planningEntry.update({ where: { id: entry.id }, data: { status: "removed", reason: decision.reason } });
        await tx.planningEvent.create({ data: { entryId: entry.id, on: input.heldOn, status: "removed", reason: decision.reason, reviewId: review.id, actorId } });
      }
      const added = input.add ? await planIn(tx, actorId, unit, term, input.add, input.heldOn, catalog, review.id) : null;
      if (added && !added.ok) throw new ReviewRefused(added.errors);
      await recordAudit(tx, {
        actorId,
        action: "planning.review",
        entity: "PlanningReview",
        entityId: review.id,
        unitPath: unit.path,
        after: {
          term: term.key,
          year: input.year,
          heldOn: isoDay(input.heldOn),
          kept: active.filter((e) => decided.get(e.id)?.keep !== false).length,
          removed: active.filter((e) => decided.get(e.id)?.keep === false).map((e) => ({ entry: e.id, reason: decided.get(e.id)!.reason })),
          added: added?.ok ? added.entryId : null,
        },
      });
      return { ok: true as const, warnings: await warningsFor(tx, unit, term, now) };
    });
  } catch (error) {
    if (error instanceof ReviewRefused) return { ok: false, errors: error.errors };
    throw error;
  }
}

// Thrown inside the review's transaction so that nothing of a refused review is kept.
class ReviewRefused extends Error {
  constructor(readonly errors: Partial<Record<ReviewField, ListKey>>) {
    super("review refused");
  }
}
