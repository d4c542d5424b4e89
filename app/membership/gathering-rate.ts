/** The inputs of the gathering rate, as a commune reports them or as sums of several communes. */
export type MemberFigures = { members: number; womenAdult: number };

/** The rate with its inputs, so a page can show "hội viên ÷ phụ nữ từ 18 tuổi" and the numbers behind it. */
export type GatheringRate = MemberFigures & { rate: number | null };

/**
 * Tỷ lệ tập hợp hội viên = regular members ÷ women aged 18+ living in the area. Honorary members are
 * not an input: they are never counted. No women recorded means no rate, not 0 %.
 */
export function gatheringRate({ members, womenAdult }: MemberFigures): GatheringRate {
  return { members, womenAdult, rate: womenAdult > 0 ? members / womenAdult : null };
}

/** Figures of several units add up; their rate is computed from the sums, never averaged. */
export function sumFigures(figures: Iterable<MemberFigures>): MemberFigures {
  let members = 0;
  let womenAdult = 0;
  for (const f of figures) {
    members += f.members;
    womenAdult += f.womenAdult;
  }
  return { members, womenAdult };
}

export const meetsTarget = (rate: number | null, target: number) => rate !== null && rate >= target;

export type HouseholdFigures = { households: number; householdsWithMember: number };

/** "Xóa hộ trắng hội viên": the share of households with a woman aged 18+ that have a member. */
export function householdCoverage({ households, householdsWithMember }: HouseholdFigures) {
  return { households, householdsWithMember, rate: households > 0 ? householdsWithMember / households : null };
}
