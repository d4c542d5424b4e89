import { z } from "zod";
import { recordAudit } from "#app/audit/audit.server.ts";
import type { Db, DbTx } from "#app/db.server.ts";
import { isoDay } from "#app/org/days.ts";
import { dayField } from "#app/org/day-field.server.ts";
import type { ListKey, Outcome, PlanningUnit } from "./entries.server.ts";
import { activeStatuses, type PlanningTerm } from "./lists.server.ts";
import { inForceOn, policyOn } from "#app/policy/policy.server.ts";
import { passesBallot, standing, throughBeforeApproval, type ProcedureStep, type RecordedStep } from "./procedure.ts";

/** The procedure for making a list in force on a day (PlanningProcedureStep rows), in order. */
export async function procedureOn(db: Db | DbTx, day: Date): Promise<ProcedureStep[]> {
  return db.planningProcedureStep.findMany({ where: inForceOn(day), orderBy: { order: "asc" }, select: { key: true, order: true, ballot: true, source: true } });
}

/** The steps recorded for a unit's list, with what each person received, as procedure.ts standing() reads them. */
export async function recordedSteps(db: Db | DbTx, unit: PlanningUnit, term: PlanningTerm): Promise<(RecordedStep & { note: string | null })[]> {
  const rows = await db.planningStep.findMany({
    where: { unitId: unit.id, termId: term.id },
    orderBy: [{ heldOn: "asc" }, { id: "asc" }],
    select: { id: true, kind: true, heldOn: true, participants: true, note: true, votes: { select: { entryId: true, votes: true, selected: true } } },
  });
  return rows.map((r) => ({ ...r, results: new Map(r.votes.map((v) => [v.entryId, { votes: v.votes, selected: v.selected }])) }));
}

/**
 * The step form as posted: the step, its day, how many took part, a note, and per active entry either
 * `votes:<entry id>` (a ballot; empty: not on it) or `selected:<entry id>` (a checkbox).
 */
export const stepForm = (now: Date) =>
  z.object({
    kind: z.string().min(1, "planningList.error.kind"),
    heldOn: dayField("planningList.error.heldOn").refine((d) => d.getTime() <= now.getTime(), "planningList.error.heldOnFuture"),
    participants: z.coerce.number({ error: "planningList.error.participants" }).int("planningList.error.participants").min(1, "planningList.error.participants").max(100_000, "planningList.error.participants"),
    note: z.string().trim().max(2000, "planningList.error.note"),
  });
export type StepInput = z.output<ReturnType<typeof stepForm>> & { votes: ReadonlyMap<string, string>; selected: ReadonlySet<string> };
type StepField = "kind" | "heldOn" | "participants" | "note" | `votes:${string}` | `selected:${string}`;

/**
 * The entries of a list that may not be approved: the votes decide who enters a list, so one who failed a
 * recorded step before approval, or was not on it, stays out (steps never recorded here do not stop anyone:
 * lists made before Lan Tỏa).
 */
export async function notThroughProcedure(tx: Db | DbTx, unit: PlanningUnit, term: PlanningTerm, entryIds: readonly string[], day: Date) {
  const [procedure, recorded] = await Promise.all([procedureOn(tx, day), recordedSteps(tx, unit, term)]);
  const before = procedure.filter((s) => s.key !== "approval");
  return new Set(entryIds.filter((id) => !throughBeforeApproval(standing(id, before, recorded, () => undefined))));
}

/**
 * Records a step of the procedure as it happened for a unit's list. Votes are whole numbers from 0 to
 * the participants; a ballot lets through who has more than the threshold in force on its day. Recording the
 * approval step approves the proposed entries it selected, dated on its day, if they passed the steps before.
 */
export async function recordStep(db: Db, actorId: string, unit: PlanningUnit, term: PlanningTerm, input: StepInput): Promise<Outcome<StepField>> {
  const step = (await procedureOn(db, input.heldOn)).find((s) => s.key === input.kind);
  if (!step) return { ok: false, errors: { kind: "planningList.error.kind" } };
  const threshold = (await policyOn(db, "planning-vote-threshold", input.heldOn)) ?? undefined;
  return db.$transaction(async (tx) => {
    const active = await tx.planningEntry.findMany({ where: { unitId: unit.id, termId: term.id, status: { in: [...activeStatuses] } }, select: { id: true, status: true } });
    const errors: Partial<Record<StepField, ListKey>> = {};
    const results: { entryId: string; votes: number | null; selected: boolean }[] = [];
    for (const entry of active) {
      if (!step.ballot) {
        results.push({ entryId: entry.id, votes: null, selected: input.selected.has(entry.id) });
        continue;
      }
      const text = input.votes.get(entry.id)?.trim() ?? "";
      if (text === "") continue;
      const votes = /^\d+$/.test(text) ? Number(text) : NaN;
      if (!(votes <= input.participants)) errors[`votes:${entry.id}`] = "planningList.error.votes";
      else results.push({ entryId: entry.id, votes, selected: false });
    }
    const approving = step.key === "approval" ? active.filter((e) => e.status === "proposed" && input.selected.has(e.id)) : [];
    const blocked = await notThroughProcedure(tx, unit, term, approving.map((e) => e.id), input.heldOn);
    for (const id of blocked) errors[`selected:${id}`] = "planningList.error.notThrough";
    if (Object.keys(errors).length) return { ok: false as const, errors };
    const recorded = await tx.planningStep.create({
      data: { unitId: unit.id, termId: term.id, kind: step.key, heldOn: input.heldOn, participants: input.participants, note: input.note || null, recordedById: actorId },
      select: { id: true },
    });
    await tx.planningVote.createMany({
      data: results.map((r) => ({ stepId: recorded.id, entryId: r.entryId, votes: r.votes, selected: step.ballot ? passesBallot(r.votes!, input.participants, threshold) : r.selected })),
    });
    const approved = approving;
    for (const entry of approved) {
      await tx.planningEntry.update({ where: { id: entry.id }, data: { status: "approved" } });
      await tx.planningEvent.create({ data: { entryId: entry.id, on: input.heldOn, status: "approved", actorId } });
    }
    await recordAudit(tx, {
      actorId,
      action: "planning.step",
      entity: "PlanningStep",
      entityId: recorded.id,
      unitPath: unit.path,
      after: { term: term.key, step: step.key, heldOn: isoDay(input.heldOn), participants: input.participants, results, approved: approved.map((e) => e.id) },
    });
    return { ok: true as const };
  });
}
