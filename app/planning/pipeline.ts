// The pipeline's stages and the kinds of warnings shown at a glance: shared by the server modules and the pages.

/** The pipeline's stages after "members" (counted by the membership reports, not by name), in order: each is a set of people of the unit's subtree for the term, listed by name. */
export const listedStages = ["cadres", "trained", "planned", "ready", "elected"] as const;
export type ListedStage = (typeof listedStages)[number];
export const genders = ["female", "male"] as const;
export type Gender = (typeof genders)[number];

export type BySex = Record<Gender, number>;
/** Counted in the database: the stages, and the two that judge the planning (planned and trained, planned and elected). */
export type CountedStage = "cadres" | "trained" | "planned" | "plannedTrained" | "elected" | "plannedElected";

export type UnitFigures = Record<CountedStage | "ready", BySex> & {
  /** regular members (women) in the membership reports of the period; null when none of the unit's communes reported */
  members: number | null;
};

/** Women's share of the planned cadres: what orders the children, lowest first. */
export const plannedWomenShare = (f: UnitFigures) => {
  const total = f.planned.female + f.planned.male;
  return total === 0 ? null : f.planned.female / total;
};

/** The warnings the subtree's page counts: the list rules (rules.ts listWarnings) and the committees' women share. */
export const warningKinds = ["over-per-position", "over-positions-per-person", "women-share", "young-share", "ages-out", "committee-women"] as const;
export type WarningKind = (typeof warningKinds)[number];
