import { vietnamDay } from "#app/org/days.ts";
import { bodyOf, planningPositions, type PlanningBody, type PlanningPosition } from "./positions.ts";

/**
 * The planning rules, kept as data (PolicyRule rows: value, source, the period each governs) and checked on
 * every change. These are the rows Lan Tỏa starts with; a new directive is a new row from its date, and
 * the lists of earlier days keep being judged by the rules of their day.
 */
export const planningRuleKeys = [
  "planning-max-per-position",
  "planning-max-positions-per-person",
  "planning-women-share",
  "planning-young-share",
  "planning-vote-threshold",
  "planning-full-term",
  "committee-women-share",
  "state-planning-women-share",
  "state-planned-women-trained",
  "young-age-commune",
  "young-age-district",
  "young-age-province",
] as const;
export type PlanningRuleKey = (typeof planningRuleKeys)[number];

const day = (y: number, m: number, d: number) => vietnamDay(y, m, d)!;
const qd50 = "Quy định 50-QĐ/TW ngày 27/12/2021 của Bộ Chính trị về công tác quy hoạch cán bộ";
const qd377 = "Quy định 377-QĐ/TW ngày 08/10/2025 của Bộ Chính trị (thay thế Quy định 50-QĐ/TW)";
const qd50From = day(2021, 12, 27);
const qd377From = day(2025, 10, 8);
const qd2282 = "Quyết định 2282/QĐ-TTg ngày 31/12/2020 của Thủ tướng Chính phủ";
const appDefault = "Mức mặc định của Lan Tỏa; Ban Tổ chức điều chỉnh theo hướng dẫn đang áp dụng";

/** One rule under QĐ 50 until QĐ 377 replaced it, then under QĐ 377. */
const replacedBy377 = (key: PlanningRuleKey, value: number, note: string, noteAfter = note) => [
  { key, value, source: qd50, effectiveFrom: qd50From, effectiveTo: qd377From, note },
  { key, value, source: qd377, effectiveFrom: qd377From, note: noteAfter },
];

export const planningRuleDefaults = [
  ...replacedBy377("planning-max-per-position", 3, "Mỗi chức danh quy hoạch không quá 3 người."),
  ...replacedBy377("planning-max-positions-per-person", 3, "Một người quy hoạch không quá 3 chức danh cùng cấp."),
  ...replacedBy377(
    "planning-women-share",
    0.25,
    "Tỷ lệ cán bộ nữ trong danh sách quy hoạch tối thiểu 25 %.",
    "Giữ mức 25 % của Quy định 50; cần đối chiếu văn bản Quy định 377 (có thể chỉ còn là mức phấn đấu).",
  ),
  ...replacedBy377(
    "planning-young-share",
    0.15,
    "Tỷ lệ cán bộ trẻ trong danh sách quy hoạch tối thiểu 15 %.",
    "Giữ mức 15 % của Quy định 50; cần đối chiếu văn bản Quy định 377 (có thể chỉ còn là mức phấn đấu).",
  ),
  ...replacedBy377("planning-full-term", 1, "Cán bộ quy hoạch phải đủ tuổi công tác ít nhất trọn một nhiệm kỳ."),
  {
    key: "planning-vote-threshold",
    value: 0.5,
    source: "Hướng dẫn 15-HD/BTCTW ngày 15/11/2016 của Ban Tổ chức Trung ương về công tác quy hoạch cán bộ",
    effectiveFrom: day(2016, 11, 15),
    effectiveTo: day(2022, 2, 15),
    note: "Người được đưa vào danh sách khi có số phiếu giới thiệu trên 50 % số người tham gia (cần đối chiếu văn bản).",
  },
  {
    key: "planning-vote-threshold",
    value: 0.5,
    source: "Hướng dẫn 16-HD/BTCTW ngày 15/02/2022 của Ban Tổ chức Trung ương",
    effectiveFrom: day(2022, 2, 15),
    note: "Người được đưa vào danh sách khi có số phiếu giới thiệu trên 50 % số người tham gia.",
  },
  {
    key: "committee-women-share",
    value: 0.15,
    source: "Chỉ thị 35-CT/TW ngày 30/5/2019 của Bộ Chính trị về đại hội đảng bộ các cấp",
    effectiveFrom: day(2019, 5, 30),
    note: "Tỷ lệ nữ cấp ủy viên từ 15 % trở lên.",
  },
  { key: "state-planning-women-share", value: 0.4, source: qd2282, effectiveFrom: day(2021, 1, 1), effectiveTo: day(2026, 1, 1), note: "Mục tiêu đến năm 2025: nữ từ 40 % trong danh sách quy hoạch." },
  { key: "state-planning-women-share", value: 0.5, source: qd2282, effectiveFrom: day(2026, 1, 1), note: "Mục tiêu đến năm 2030: nữ từ 50 % trong danh sách quy hoạch." },
  { key: "state-planned-women-trained", value: 0.75, source: qd2282, effectiveFrom: day(2021, 1, 1), effectiveTo: day(2026, 1, 1), note: "Mục tiêu đến năm 2025: 75 % cán bộ nữ trong quy hoạch được đào tạo, bồi dưỡng." },
  { key: "state-planned-women-trained", value: 0.9, source: qd2282, effectiveFrom: day(2026, 1, 1), note: "Mục tiêu đến năm 2030: 90 % cán bộ nữ trong quy hoạch được đào tạo, bồi dưỡng." },
  { key: "young-age-commune", value: 35, source: appDefault, effectiveFrom: day(2016, 1, 1), note: "Cán bộ trẻ ở cấp xã: dưới 35 tuổi." },
  { key: "young-age-district", value: 40, source: appDefault, effectiveFrom: day(2016, 1, 1), note: "Cán bộ trẻ ở cấp huyện: dưới 40 tuổi." },
  { key: "young-age-province", value: 45, source: appDefault, effectiveFrom: day(2016, 1, 1), note: "Cán bộ trẻ ở cấp tỉnh: dưới 45 tuổi." },
] satisfies { key: PlanningRuleKey; value: number; source: string; effectiveFrom: Date; effectiveTo?: Date; note: string }[];

export type Rule = { value: number; source: string };
export type Rules = ReadonlyMap<PlanningRuleKey, Rule>;

/**
 * A share against a minimum, exactly: 2 women of 8 meets 25 %. Values are compared in ten-thousandths so
 * that 0.15 × 20 is 3, not 3.0000000000000004; pages show shares rounded half up to 0.1 %.
 */
export const meetsShare = (part: number, whole: number, minimum: number) => part * 10_000 >= Math.round(minimum * 10_000) * whole;
/** Strictly more than a share (a ballot threshold of "more than half"). */
export const exceedsShare = (part: number, whole: number, threshold: number) => part * 10_000 > Math.round(threshold * 10_000) * whole;

/** Whole years of age on a day (in Vietnam); a birth year alone counts as born on 1 January. */
export function ageOn(birth: { birthDate: Date | null; birthYear: number | null }, on: Date): number | null {
  const born = birth.birthDate ?? (birth.birthYear ? vietnamDay(birth.birthYear, 1, 1) : null);
  if (!born) return null;
  const shift = (d: Date) => new Date(d.getTime() + 7 * 3_600_000);
  const [b, o] = [shift(born), shift(on)];
  const beforeBirthday = o.getUTCMonth() < b.getUTCMonth() || (o.getUTCMonth() === b.getUTCMonth() && o.getUTCDate() < b.getUTCDate());
  return o.getUTCFullYear() - b.getUTCFullYear() - (beforeBirthday ? 1 : 0);
}

/** One active entry of a planning list (proposed or approved) with what the rules need of its cadre. */
export type ListEntry = {
  entryId: string;
  userId: string;
  position: PlanningPosition;
  female: boolean;
  /** under the young-cadre age of the unit's level on the day; null when the birth is unknown */
  young: boolean | null;
  /** false when she retires before the term ends */
  servesWholeTerm: boolean;
  /** how many positions of the same level of unit she is planned for in this term, all units together */
  positionsAtLevel: number;
};

export type Warning =
  | { kind: "over-per-position"; position: PlanningPosition; count: number; limit: number; source: string }
  | { kind: "over-positions-per-person"; userId: string; count: number; limit: number; source: string }
  | { kind: "women-share"; body: PlanningBody; women: number; total: number; minimum: number; source: string }
  | { kind: "young-share"; body: PlanningBody; young: number; total: number; minimum: number; source: string }
  | { kind: "ages-out"; userId: string; entryId: string; source: string };

/** The warnings of one unit's planning list for a term, each naming the rule's source. */
export function listWarnings(entries: readonly ListEntry[], rules: Rules): Warning[] {
  const warnings: Warning[] = [];
  const perPosition = rules.get("planning-max-per-position");
  if (perPosition) {
    const people = new Map<PlanningPosition, Set<string>>();
    for (const e of entries) if (planningPositions[e.position].titled) people.set(e.position, (people.get(e.position) ?? new Set()).add(e.userId));
    for (const [position, set] of people)
      if (set.size > perPosition.value) warnings.push({ kind: "over-per-position", position, count: set.size, limit: perPosition.value, source: perPosition.source });
  }
  const perPerson = rules.get("planning-max-positions-per-person");
  if (perPerson) {
    const seen = new Set<string>();
    for (const e of entries)
      if (e.positionsAtLevel > perPerson.value && !seen.has(e.userId)) {
        seen.add(e.userId);
        warnings.push({ kind: "over-positions-per-person", userId: e.userId, count: e.positionsAtLevel, limit: perPerson.value, source: perPerson.source });
      }
  }
  for (const body of ["party", "union"] as const) {
    const people = new Map<string, ListEntry>();
    for (const e of entries) if (bodyOf(e.position) === body) people.set(e.userId, e);
    const total = people.size;
    if (total === 0) continue;
    const women = rules.get("planning-women-share");
    const female = [...people.values()].filter((e) => e.female).length;
    if (women && !meetsShare(female, total, women.value)) warnings.push({ kind: "women-share", body, women: female, total, minimum: women.value, source: women.source });
    const youth = rules.get("planning-young-share");
    const young = [...people.values()].filter((e) => e.young === true).length;
    if (youth && !meetsShare(young, total, youth.value)) warnings.push({ kind: "young-share", body, young, total, minimum: youth.value, source: youth.source });
  }
  const fullTerm = rules.get("planning-full-term");
  if (fullTerm) for (const e of entries) if (!e.servesWholeTerm) warnings.push({ kind: "ages-out", userId: e.userId, entryId: e.entryId, source: fullTerm.source });
  return warnings;
}

/** Women on an elected committee against the minimum share; null when met or no rule applies. */
export function committeeWomenWarning(members: { female: boolean }[], rule: Rule | undefined) {
  if (!rule || members.length === 0) return null;
  const women = members.filter((m) => m.female).length;
  return meetsShare(women, members.length, rule.value) ? null : { women, total: members.length, minimum: rule.value, source: rule.source };
}

/** The day a list is judged on: the day asked about, but never after its term's last day (that term's rules govern it). */
export const judgedOn = (day: Date, term: { endsOn: Date }) => (day.getTime() < term.endsOn.getTime() ? day : new Date(term.endsOn.getTime() - 86_400_000));
