import type { Db } from "#app/db.server.ts";
import { ensureDefaultPolicies } from "#app/policy/policy.server.ts";
import { answersFor, type Period } from "#app/org/periods.ts";
import { randomSource, type Random } from "./vietnamese-names.ts";

type Figures = { womenAdult: number; members: number; joined: number; left: number; honoraryMembers: number; households: number | null; householdsWithMember: number | null };

// Years 2016–2024 as wholes, halves from mid-2019 (Công văn 819's count) to the first half of 2026.
const periods: Period[] = [
  ...Array.from({ length: 9 }, (_, i) => ({ year: 2016 + i, half: 0 as const })),
  ...Array.from({ length: 14 }, (_, i) => ({ year: 2019 + Math.floor(i / 2), half: ((i % 2) + 1) as 1 | 2 })),
  { year: 2025, half: 0 },
];
// When a period's figures are counted, in years: the end of the half or year.
const moment = ({ year, half }: Period) => year + (half === 1 ? 0.5 : 1);

/**
 * The rate of a commune over time, chosen so that Công văn 819's facts hold: at the end of 2016, 22 of
 * the 64 communes at or above 50 %; at mid-2019, 28 (the same 22 and 6 more). It then keeps rising.
 */
function rateCurve(group: "both" | "since2019" | "below", random: Random) {
  const between = (a: number, b: number) => a + random.next() * (b - a);
  const r2016 = group === "both" ? between(0.5, 0.62) : group === "since2019" ? between(0.42, 0.49) : between(0.28, 0.44);
  const r2019 = group === "both" ? between(r2016 + 0.01, 0.7) : group === "since2019" ? between(0.5, 0.56) : between(r2016, 0.49);
  const later = between(0.01, 0.03);
  return (t: number) => (t <= 2019.5 ? r2016 + ((r2019 - r2016) * (t - 2017)) / 2.5 : Math.min(0.88, r2019 + later * (t - 2019.5)));
}

function communeFigures(womenBase: number, rate: number, side: "at" | "below" | "any", random: Random, t: number): Figures {
  const womenAdult = Math.round(womenBase * (1 + 0.006 * (t - 2016)));
  // Rounded toward the side the facts need, so a rate drawn at 0.5 stays at or above 50 %.
  const exact = womenAdult * rate;
  const members = side === "at" ? Math.ceil(exact) : side === "below" ? Math.min(Math.floor(exact), Math.ceil(womenAdult / 2) - 1) : Math.round(exact);
  return { womenAdult, members, joined: Math.round(members * (0.03 + random.next() * 0.03)), left: Math.round(members * (0.01 + random.next() * 0.01)), honoraryMembers: random.int(2, 12), households: null, householdsWithMember: null };
}

/** Splits a commune's women and members over its branches (the branches add up to the commune), with households. */
function branchFigures(commune: Figures, branches: number, random: Random): Figures[] {
  const weights = Array.from({ length: branches }, () => 0.6 + random.next());
  const total = weights.reduce((a, b) => a + b, 0);
  let womenLeft = commune.womenAdult;
  let membersLeft = commune.members;
  return weights.map((w, i) => {
    const last = i === branches - 1;
    const womenAdult = last ? womenLeft : Math.round((commune.womenAdult * w) / total);
    const wanted = Math.round(womenAdult * (commune.members / commune.womenAdult) * (0.85 + random.next() * 0.3));
    const members = last ? Math.max(0, Math.min(womenAdult, membersLeft)) : Math.min(womenAdult, membersLeft, wanted);
    womenLeft -= womenAdult;
    membersLeft -= members;
    const households = Math.round(womenAdult / 1.25);
    const coverage = Math.min(0.97, (members / Math.max(1, womenAdult)) * 1.3 + (random.next() - 0.5) * 0.1);
    return { womenAdult, members, joined: Math.round(members * 0.04), left: Math.round(members * 0.015), honoraryMembers: random.int(0, 3), households, householdsWithMember: Math.max(0, Math.round(households * coverage)) };
  });
}

type Commune = { id: string; code: string };

/**
 * Membership reports for the demo: every commune of 2016–mid-2025 and its hamlet branches for each
 * period, and the units formed on 1/7/2025 from then on (their predecessors' sums, grown a little).
 * Deterministic: the same numbers every run; only missing reports are written.
 */
export async function seedMembershipDemo(db: Db, communes: readonly Commune[]) {
  await ensureDefaultPolicies(db);
  const random = randomSource(2019);
  const order = [...communes].sort((a, b) => a.code.localeCompare(b.code));
  const shuffled = order.map((c) => ({ c, key: random.next() })).sort((a, b) => a.key - b.key).map((x) => x.c);
  const group = new Map(shuffled.map((c, i) => [c.id, i < 22 ? ("both" as const) : i < 28 ? ("since2019" as const) : ("below" as const)]));

  const units = await db.orgUnit.findMany({
    where: { OR: [{ id: { in: order.map((c) => c.id) } }, { parentId: { in: order.map((c) => c.id) }, level: "branch" }] },
    select: { id: true, parentId: true, level: true, validFrom: true, validTo: true },
    orderBy: { code: "asc" },
  });
  const rows: (Figures & { unitId: string; year: number; half: number })[] = [];
  const lastOld = new Map<string, Figures>();
  for (const commune of order) {
    const unit = units.find((u) => u.id === commune.id)!;
    const branches = units.filter((u) => u.parentId === commune.id);
    const curve = rateCurve(group.get(commune.id)!, random);
    const womenBase = random.int(2_500, 9_000);
    for (const period of periods) {
      if (!answersFor(unit, period)) continue;
      const t = moment(period);
      const inFact = (period.year === 2016 && period.half === 0) || (period.year === 2019 && period.half === 1);
      const at = curve(t) >= 0.5;
      const figures = communeFigures(womenBase, curve(t), inFact ? (at ? "at" : "below") : "any", random, t);
      rows.push({ unitId: commune.id, ...period, ...figures });
      lastOld.set(commune.id, figures);
      const open = branches.filter((b) => answersFor(b, period));
      if (open.length > 0) branchFigures(figures, open.length, random).forEach((f, i) => rows.push({ unitId: open[i]!.id, ...period, ...f }));
    }
  }
  rows.push(...(await successorRows(db, lastOld, random)));

  const existing = new Set(
    (await db.membershipReport.findMany({ where: { unitId: { in: [...new Set(rows.map((r) => r.unitId))] } }, select: { unitId: true, year: true, half: true } })).map(
      (r) => `${r.unitId}:${r.year}:${r.half}`,
    ),
  );
  const missing = rows.filter((r) => !existing.has(`${r.unitId}:${r.year}:${r.half}`));
  if (missing.length > 0) await db.membershipReport.createMany({ data: missing });
  return { reports: missing.length };
}

/** The communes formed on 1/7/2025 report from then on, starting from their predecessors' last figures. */
async function successorRows(db: Db, lastOld: Map<string, Figures>, random: Random) {
  const links = await db.unitSuccession.findMany({ where: { predecessorId: { in: [...lastOld.keys()] } }, select: { predecessorId: true, successorId: true }, orderBy: [{ successorId: "asc" }, { predecessorId: "asc" }] });
  const bySuccessor = new Map<string, Figures[]>();
  for (const link of links) bySuccessor.set(link.successorId, [...(bySuccessor.get(link.successorId) ?? []), lastOld.get(link.predecessorId)!]);
  const later: Period[] = [{ year: 2025, half: 2 }, { year: 2025, half: 0 }, { year: 2026, half: 1 }];
  return [...bySuccessor.entries()].flatMap(([unitId, sources]) => {
    const womenAdult = sources.reduce((s, f) => s + f.womenAdult, 0);
    const members = sources.reduce((s, f) => s + f.members, 0);
    return later.map((period, i) => {
      const grown = Math.min(womenAdult, Math.round(members * (1 + 0.01 * (i === 2 ? 2 : 1))));
      return { unitId, ...period, womenAdult, members: grown, joined: Math.round(grown * 0.04), left: Math.round(grown * 0.015), honoraryMembers: random.int(5, 20), households: null, householdsWithMember: null };
    });
  });
}
