import { z } from "zod";
import { recordAudit } from "#app/audit/audit.server.ts";
import { canOnUnit, type ScopedRole } from "#app/auth/permissions.ts";
import type { Db } from "#app/db.server.ts";
import { isoDay } from "#app/org/days.ts";
import { dayField } from "#app/org/day-field.server.ts";
import { policyOn } from "#app/policy/policy.server.ts";
import { plannableWhere } from "./eligibility.ts";
import type { PlanningTerm } from "./lists.server.ts";
import { committeeBody, committeeKinds, isPlanningPosition, planningPositions, type CommitteeKind, type PlanningPosition } from "./positions.ts";
import { committeeWomenWarning } from "./rules.ts";

type Unit = { id: string; path: string; name: string };

const day = dayField;

export const committeeForm = z.object({
  kind: z.enum(committeeKinds, { error: "pipeline.committee.kindInvalid" }),
  seats: z.coerce.number({ error: "pipeline.committee.seatsInvalid" }).int("pipeline.committee.seatsInvalid").min(1, "pipeline.committee.seatsInvalid").max(200, "pipeline.committee.seatsInvalid"),
  formedOn: day("pipeline.committee.formedOnInvalid"),
});
export type CommitteeInput = z.output<typeof committeeForm>;

export const outcomeForm = z.object({
  committee: z.string().min(1, "pipeline.outcome.committeeInvalid"),
  person: z.string().min(1, "pipeline.outcome.personInvalid"),
  position: z.string().refine(isPlanningPosition, "pipeline.outcome.positionInvalid"),
  how: z.enum(["elected", "appointed"], { error: "pipeline.outcome.howInvalid" }),
  on: day("pipeline.outcome.onInvalid"),
});
export type OutcomeInput = z.output<typeof outcomeForm>;
export type OutcomeField = keyof OutcomeInput;

/**
 * The positions whose holders sit on a committee: its own, and on an executive committee also those of the
 * standing committee of the same body, whose members the executive elects from among its own.
 */
export function seatsOn(kind: CommitteeKind): PlanningPosition[] {
  return (Object.keys(planningPositions) as PlanningPosition[]).filter((p) => {
    const home = planningPositions[p].committee;
    return home === kind || (kind.endsWith("_executive") && committeeBody(home) === committeeBody(kind));
  });
}

/**
 * The unit's four committees for a term, with their members and, for a Party committee, the women-share
 * warning under the rule in force on the day it was formed (Chỉ thị 35: the share of women among cấp ủy viên).
 */
export async function committeesOf(db: Db, unit: Pick<Unit, "id">, term: PlanningTerm) {
  const rows = await db.committee.findMany({
    where: { unitId: unit.id, termId: term.id },
    select: {
      id: true,
      kind: true,
      seats: true,
      formedOn: true,
      members: {
        orderBy: [{ position: "asc" }, { user: { name: "asc" } }],
        select: { id: true, position: true, how: true, on: true, user: { select: { id: true, name: true, gender: true } } },
      },
    },
  });
  const warningOf = womenWarnings(db);
  return Promise.all(
    committeeKinds.map(async (kind) => {
      const row = rows.find((r) => r.kind === kind);
      if (!row) return { kind, committee: null };
      const members = row.members.map((m) => ({ userId: m.user.id, female: m.user.gender === "female" }));
      return { kind, committee: { ...row, people: new Set(members.map((m) => m.userId)).size, warning: await warningOf({ kind, formedOn: row.formedOn, members }) } };
    }),
  );
}

/**
 * committeeWomenWarning for Party committees (the rule is the share of women among cấp ủy viên), under the
 * rule in force on the day each was formed; the rule is read once per distinct day.
 */
function womenWarnings(db: Db) {
  const rules = new Map<number, ReturnType<typeof policyOn>>();
  return async (c: { kind: string; formedOn: Date | null; members: { userId: string; female: boolean }[] }) => {
    if (committeeBody(c.kind as CommitteeKind) !== "party" || !c.formedOn) return null;
    const at = c.formedOn.getTime();
    const rule = await (rules.get(at) ?? rules.set(at, policyOn(db, "committee-women-share", c.formedOn)).get(at)!);
    const people = new Map(c.members.map((m) => [m.userId, m]));
    return committeeWomenWarning([...people.values()], rule ?? undefined);
  };
}

/** The committees of a subtree for a term whose share of women is under the rule of the day they were formed. */
export async function committeeWarningsUnder(db: Db, unit: { path: string }, term: PlanningTerm) {
  const rows = await db.committee.findMany({
    where: { termId: term.id, kind: { in: committeeKinds.filter((k) => committeeBody(k) === "party") }, unit: { path: { startsWith: unit.path } } },
    orderBy: [{ unit: { path: "asc" } }, { kind: "asc" }],
    select: { kind: true, formedOn: true, unit: { select: { id: true, name: true } }, members: { select: { userId: true, user: { select: { gender: true } } } } },
  });
  const warningOf = womenWarnings(db);
  const found = await Promise.all(
    rows.map(async (r) => ({ unit: r.unit, kind: r.kind as CommitteeKind, warning: await warningOf({ ...r, members: r.members.map((m) => ({ userId: m.userId, female: m.user.gender === "female" })) }) })),
  );
  return found.flatMap((f) => (f.warning ? [{ ...f, warning: f.warning }] : []));
}

/** Sets a committee's seats and the day it was formed; fewer seats than the people already on it is refused. */
export async function setCommittee(db: Db, actorId: string, unit: Unit, term: PlanningTerm, input: CommitteeInput) {
  return db.$transaction(async (tx) => {
    const key = { unitId_termId_kind: { unitId: unit.id, termId: term.id, kind: input.kind } };
    const before = await tx.committee.findUnique({ where: key, select: { id: true, seats: true, formedOn: true, members: { select: { userId: true } } } });
    const seated = new Set(before?.members.map((m) => m.userId)).size;
    if (input.seats < seated) return { ok: false as const, field: "seats" as const, error: "pipeline.committee.seatsBelowMembers" as const, seated };
    const data = { seats: input.seats, formedOn: input.formedOn };
    const saved = before
      ? await tx.committee.update({ where: { id: before.id }, data, select: { id: true } })
      : await tx.committee.create({ data: { unitId: unit.id, termId: term.id, kind: input.kind, ...data }, select: { id: true } });
    const shown = (c: { seats: number; formedOn: Date | null }) => ({ unit: unit.name, term: term.key, kind: input.kind, seats: c.seats, formedOn: c.formedOn ? isoDay(c.formedOn) : null });
    await recordAudit(tx, {
      actorId,
      action: "committee.set",
      entity: "Committee",
      entityId: saved.id,
      unitPath: unit.path,
      before: before ? shown(before) : undefined,
      after: shown(data),
    });
    return { ok: true as const, id: saved.id };
  });
}

type OutcomeResult = { ok: true; id: string } | { ok: false; field: OutcomeField; error: "pipeline.outcome.personInvalid" | "pipeline.outcome.positionInvalid" | "pipeline.outcome.seatsFull" };

/**
 * Records who was elected or appointed to a seat of one of the unit's committees of the term. The person
 * must be one its lists may hold (plannableWhere: of the unit's subtree, or serving there in the term), the position must sit on that committee, and a new person cannot
 * take a seat beyond the committee's count (one person holding two positions on it takes one seat).
 */
export async function recordOutcome(db: Db, actorId: string, unit: Unit, term: PlanningTerm, input: OutcomeInput): Promise<OutcomeResult | null> {
  return db.$transaction(async (tx) => {
    const committee = await tx.committee.findFirst({
      where: { id: input.committee, unitId: unit.id, termId: term.id },
      select: { id: true, kind: true, seats: true, members: { select: { userId: true, position: true } } },
    });
    if (!committee) return null;
    if (!seatsOn(committee.kind as CommitteeKind).includes(input.position as PlanningPosition)) return { ok: false, field: "position", error: "pipeline.outcome.positionInvalid" };
    const person = await tx.user.findFirst({ where: { id: input.person, ...plannableWhere(unit, term) }, select: { id: true, name: true } });
    if (!person) return { ok: false, field: "person", error: "pipeline.outcome.personInvalid" };
    const seated = new Set(committee.members.map((m) => m.userId));
    if (committee.members.some((m) => m.userId === person.id && m.position === input.position)) return { ok: false, field: "person", error: "pipeline.outcome.personInvalid" };
    if (!seated.has(person.id) && seated.size >= committee.seats) return { ok: false, field: "person", error: "pipeline.outcome.seatsFull" };
    const saved = await tx.committeeMember.create({
      data: { committeeId: committee.id, userId: person.id, position: input.position, how: input.how, on: input.on },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId,
      action: "committee.outcome",
      entity: "CommitteeMember",
      entityId: saved.id,
      unitPath: unit.path,
      after: { unit: unit.name, term: term.key, kind: committee.kind, person: person.name, position: input.position, how: input.how, on: isoDay(input.on) },
    });
    return { ok: true, id: saved.id };
  });
}

/** Removes a wrongly recorded outcome of the unit's committees of the term; false when they have none such (an id from elsewhere is as good as unknown). */
export async function removeOutcome(db: Db, actor: { id: string; roles: readonly ScopedRole[] }, unit: Pick<Unit, "id">, term: PlanningTerm, memberId: string) {
  return db.$transaction(async (tx) => {
    const row = await tx.committeeMember.findFirst({
      where: { id: memberId, committee: { unitId: unit.id, termId: term.id } },
      select: { id: true, position: true, how: true, on: true, user: { select: { name: true } }, committee: { select: { kind: true, term: { select: { key: true } }, unit: { select: { name: true, path: true } } } } },
    });
    if (!row || !canOnUnit(actor.roles, "planning:manage", row.committee.unit.path)) return false;
    await tx.committeeMember.delete({ where: { id: row.id } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "committee.outcome.remove",
      entity: "CommitteeMember",
      entityId: row.id,
      unitPath: row.committee.unit.path,
      before: { unit: row.committee.unit.name, term: row.committee.term.key, kind: row.committee.kind, person: row.user.name, position: row.position, how: row.how, on: isoDay(row.on) },
    });
    return true;
  });
}

/** Who may be recorded on a unit's committees: whom its lists may hold (plannableWhere), the first 500 by name. */
export function outcomeCandidates(db: Db, unit: Pick<Unit, "path">, term: PlanningTerm) {
  return db.user.findMany({
    where: plannableWhere(unit, term),
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 500,
    select: { id: true, name: true },
  });
}
