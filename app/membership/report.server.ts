import { z } from "zod";
import { recordAudit } from "#app/audit/audit.server.ts";
import type { Db } from "#app/db.server.ts";
import { answersFor, type Period } from "#app/org/periods.ts";

/** Units that enter their own figures: communes (the gathering rate) and hamlet branches (also households). */
export const reportingUnitLevels = ["commune", "branch"] as const;

// "12.345" and "12 345" are how Vietnamese write 12345; a blank is missing, not 0.
const countText = (v: unknown) => {
  if (typeof v !== "string") return v;
  const text = v.trim().replace(/\s/g, "");
  return text === "" ? undefined : /^\d{1,3}(\.\d{3})+$/.test(text) ? text.replaceAll(".", "") : text;
};
export const count = (message: string) => z.preprocess(countText, z.coerce.number({ message }).int(message).min(0, message).max(10_000_000, message));
const optionalCount = (message: string) => z.preprocess((v) => (v === "" || v === undefined || v === null ? undefined : v), count(message).optional());

/**
 * What a commune or branch reports for a period. Members may exceed the women counted (the population
 * figure lags, members who moved keep their branch): shown as a rate above 100 %, not refused.
 */
export const membershipFigures = z
  .object({
    womenAdult: count("membership.error.count"),
    members: count("membership.error.count"),
    joined: count("membership.error.count"),
    left: count("membership.error.count"),
    honoraryMembers: count("membership.error.count"),
    households: optionalCount("membership.error.count"),
    householdsWithMember: optionalCount("membership.error.count"),
  })
  .superRefine((f, ctx) => {
    if ((f.households === undefined) !== (f.householdsWithMember === undefined))
      ctx.addIssue({ code: "custom", path: [f.households === undefined ? "households" : "householdsWithMember"], message: "membership.error.householdsPair" });
    else if (f.households !== undefined && f.householdsWithMember! > f.households)
      ctx.addIssue({ code: "custom", path: ["householdsWithMember"], message: "membership.error.householdsTooMany" });
  });

export type MembershipFigures = z.output<typeof membershipFigures>;

type ReportingUnit = { id: string; path: string; level: string; validFrom: Date | null; validTo: Date | null };

/** A unit can hold figures for a period when it reports and existed at the period's end; earlier periods of a merged unit are its predecessors'. */
export const canReport = (unit: ReportingUnit, period: Period) =>
  (reportingUnitLevels as readonly string[]).includes(unit.level) && answersFor(unit, period);

const fields = { womenAdult: true, members: true, joined: true, left: true, honoraryMembers: true, households: true, householdsWithMember: true } as const;

export async function findMembershipReport(db: Db, unitId: string, period: Period) {
  return db.membershipReport.findUnique({ where: { unitId_year_half: { unitId, year: period.year, half: period.half } }, select: fields });
}

/** Saves a unit's figures for a period, audited with before and after; saving the same figures again changes nothing. */
export async function saveMembershipReport(db: Db, actorId: string, unit: ReportingUnit, period: Period, figures: MembershipFigures) {
  const data = { ...figures, households: figures.households ?? null, householdsWithMember: figures.householdsWithMember ?? null };
  return db.$transaction(async (tx) => {
    const key = { unitId_year_half: { unitId: unit.id, year: period.year, half: period.half } };
    const before = await tx.membershipReport.findUnique({ where: key, select: fields });
    if (before && Object.entries(data).every(([k, v]) => before[k as keyof typeof data] === v)) return { changed: false };
    const saved = await tx.membershipReport.upsert({
      where: key,
      create: { unitId: unit.id, year: period.year, half: period.half, ...data, updatedById: actorId },
      update: { ...data, updatedById: actorId },
      select: { id: true },
    });
    await recordAudit(tx, { actorId, action: "membership.save", entity: "MembershipReport", entityId: saved.id, unitPath: unit.path, before, after: { period, ...data } });
    return { changed: true };
  });
}
