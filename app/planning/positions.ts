import type { Position } from "#app/people/positions.ts";

// The committees a unit elects for a term. A standing committee's members also sit on the executive.
export const committeeKinds = ["party_executive", "party_standing", "union_executive", "union_standing"] as const;
export type CommitteeKind = (typeof committeeKinds)[number];

export type PlanningBody = "party" | "union";

/**
 * The positions cadres are planned for, with the committee each seat is in. "Titled" positions are the
 * named leadership posts (Bí thư, Chủ tịch…): the per-position limit of the planning rules counts people
 * for these; committee membership is judged against the committee's seats instead.
 */
export const planningPositions = {
  dang_bi_thu: { committee: "party_standing", titled: true },
  dang_pho_bi_thu: { committee: "party_standing", titled: true },
  dang_uy_vien_ban_thuong_vu: { committee: "party_standing", titled: false },
  dang_uy_vien_ban_chap_hanh: { committee: "party_executive", titled: false },
  hoi_chu_tich: { committee: "union_standing", titled: true },
  hoi_pho_chu_tich: { committee: "union_standing", titled: true },
  hoi_uy_vien_ban_thuong_vu: { committee: "union_standing", titled: false },
  hoi_uy_vien_ban_chap_hanh: { committee: "union_executive", titled: false },
} as const satisfies Partial<Record<Position, { committee: CommitteeKind; titled: boolean }>>;

export type PlanningPosition = keyof typeof planningPositions;
export const planningPositionKeys = Object.keys(planningPositions) as PlanningPosition[];

export const isPlanningPosition = (value: string): value is PlanningPosition => Object.hasOwn(planningPositions, value);

export const committeeBody = (kind: CommitteeKind): PlanningBody => (kind.startsWith("party") ? "party" : "union");
export const bodyOf = (position: PlanningPosition): PlanningBody => committeeBody(planningPositions[position].committee);

export const committeeLabel = (kind: CommitteeKind) => `planning.committee.${kind}` as const;

// The unit levels that elect committees; branches and groups elect their heads, which are not planned here.
export const planningLevels = ["province", "district", "commune"] as const;
export type PlanningLevel = (typeof planningLevels)[number];
export const isPlanningLevel = (level: string): level is PlanningLevel => (planningLevels as readonly string[]).includes(level);
