import { meetsTheoryLevel, type TheoryLevel } from "#app/people/profile.ts";

/** One item a position requires (a PositionRequirement row in force). */
export type Requirement =
  | { kind: "course"; value: string; source: string }
  | { kind: "theory_level"; value: TheoryLevel; source: string }
  | { kind: "party_member"; value: "yes"; source: string };

export type CadreFacts = {
  theoryLevel: string | null;
  partyMember: boolean;
  /** slugs of the courses she has completed, by the one completion rule (app/progress/refresh.server.ts) */
  completedCourses: ReadonlySet<string>;
  /** set when she retires before the term ends and the full-term rule is in force: that rule's source */
  agesOut: { source: string } | null;
};

export type Gap =
  | { kind: "course"; course: string; source: string }
  | { kind: "theory_level"; level: TheoryLevel; source: string }
  | { kind: "party_member"; source: string }
  | { kind: "ages_out"; source: string };

/**
 * ready: nothing missing. gaps: ready except the named items, which training closes (a course, a theory
 * level). not_ready: something training cannot close (not a Party member where the position needs it,
 * or she retires before the term ends); the blockers are named too, and so are the gaps.
 */
export type Readiness = { state: "ready" | "gaps" | "not_ready"; gaps: Gap[]; blockers: Gap[] };

export function readiness(requirements: readonly Requirement[], cadre: CadreFacts): Readiness {
  const gaps: Gap[] = [];
  const blockers: Gap[] = [];
  for (const r of requirements) {
    if (r.kind === "course" && !cadre.completedCourses.has(r.value)) gaps.push({ kind: "course", course: r.value, source: r.source });
    if (r.kind === "theory_level" && !meetsTheoryLevel(cadre.theoryLevel, r.value)) gaps.push({ kind: "theory_level", level: r.value, source: r.source });
    if (r.kind === "party_member" && !cadre.partyMember) blockers.push({ kind: "party_member", source: r.source });
  }
  if (cadre.agesOut) blockers.push({ kind: "ages_out", source: cadre.agesOut.source });
  return { state: blockers.length > 0 ? "not_ready" : gaps.length > 0 ? "gaps" : "ready", gaps, blockers };
}
