import type { Db } from "#app/db.server.ts";
import { reportingDay, type Period } from "#app/org/periods.ts";
import { sourceIdsOf } from "#app/org/unit-history.server.ts";
import { gatheringRate, householdCoverage, meetsTarget, sumFigures, type GatheringRate } from "./gathering-rate.ts";
import { policyOn } from "#app/policy/policy.server.ts";

type Unit = { id: string; path: string; name: string; level: string };

export type MembershipRow = {
  id: string;
  name: string;
  level: string;
  /** null: no unit behind this row reported for the period. */
  rate: GatheringRate | null;
  meetsTarget: boolean | null;
  households: ReturnType<typeof householdCoverage> | null;
  meetsHouseholdTarget: boolean | null;
};

// Communes report the gathering rate; a branch's own report carries its households. Above the commune, figures are sums.
const reportingLevels = new Set(["commune", "branch", "group"]);

/**
 * A unit's membership figures for a period, one row per child unit and the unit's own total. Every
 * row is the sum of the reports of the communes (or, below a commune, the branch) it stands for, on
 * the tree of the period's end: a commune formed in 2025 stands for its predecessors before then.
 */
export async function membershipOverview(db: Db, unit: Unit, period: Period) {
  const day = reportingDay(period);
  const notClosed = { OR: [{ validTo: null }, { validTo: { gt: day } }] };
  const select = { id: true, name: true, level: true, path: true } as const;
  const [children, communes, target, householdTarget] = await Promise.all([
    db.orgUnit.findMany({ where: { parentId: unit.id, ...notClosed }, select, orderBy: { name: "asc" } }),
    reportingLevels.has(unit.level)
      ? Promise.resolve([])
      : db.orgUnit.findMany({ where: { path: { startsWith: unit.path }, level: "commune", ...notClosed }, select }),
    policyOn(db, "gathering-rate-target", day),
    policyOn(db, "household-coverage-target", day),
  ]);

  // The reporting units each row stands for: itself at commune level and below, else its communes.
  const rowUnits = (row: Unit) => (reportingLevels.has(row.level) ? [row.id] : communes.filter((c) => c.path.startsWith(row.path)).map((c) => c.id));
  const counted = [...new Set([unit, ...children].flatMap(rowUnits).concat(communes.map((c) => c.id)))];
  const sources = await sourceIdsOf(db, counted, period);
  const reports = await db.membershipReport.findMany({
    where: { unitId: { in: [...new Set([...sources.values()].flat())] }, year: period.year, half: period.half },
    select: { unitId: true, members: true, womenAdult: true, households: true, householdsWithMember: true },
  });
  const reportOf = new Map(reports.map((r) => [r.unitId, r]));

  const rowFor = (row: Unit): MembershipRow => {
    // A set: a predecessor split between two successors counts once in a total above both.
    const found = [...new Set(rowUnits(row).flatMap((id) => sources.get(id) ?? []))].flatMap((id) => reportOf.get(id) ?? []);
    const rate = found.length > 0 ? gatheringRate(sumFigures(found)) : null;
    const withHouseholds = found.filter((r) => r.households !== null && r.householdsWithMember !== null);
    const households =
      row.level === "branch" && withHouseholds.length > 0
        ? householdCoverage({ households: withHouseholds.reduce((s, r) => s + r.households!, 0), householdsWithMember: withHouseholds.reduce((s, r) => s + r.householdsWithMember!, 0) })
        : null;
    return {
      id: row.id,
      name: row.name,
      level: row.level,
      rate,
      meetsTarget: rate && target ? meetsTarget(rate.rate, target.value) : null,
      households,
      meetsHouseholdTarget: households && householdTarget ? meetsTarget(households.rate, householdTarget.value) : null,
    };
  };

  const communeRows = communes.map(rowFor).filter((r) => r.rate !== null);
  return {
    total: rowFor(unit),
    rows: children.map(rowFor),
    target,
    householdTarget,
    communes: { reported: communeRows.length, atTarget: communeRows.filter((r) => r.meetsTarget).length },
  };
}

export type MembershipOverview = Awaited<ReturnType<typeof membershipOverview>>;
