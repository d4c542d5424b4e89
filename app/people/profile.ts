// The closed vocabularies of a cadre's profile. Labels are in the message files (people.*).
export const genders = ["female", "male"] as const;
export const ethnicities = ["kinh", "khmer", "hoa", "cham", "other"] as const;
// Political-theory levels, lowest first: a position's minimum level compares by index.
export const theoryLevels = ["so_cap", "trung_cap", "cao_cap", "cu_nhan"] as const;

export type Ethnicity = (typeof ethnicities)[number];
export type TheoryLevel = (typeof theoryLevels)[number];

export function meetsTheoryLevel(held: string | null | undefined, required: TheoryLevel) {
  const index = theoryLevels.indexOf(held as TheoryLevel);
  return index >= theoryLevels.indexOf(required);
}

/** The birth years a cadre may have: from 1930 to 16 years before `now`; one rule for forms, imports and seeds. */
export function isBirthYear(year: number, now = new Date()) {
  return Number.isInteger(year) && year >= 1930 && year <= now.getFullYear() - 16;
}
