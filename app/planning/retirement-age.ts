import { isoDay, vietnamDay } from "#app/org/days.ts";

/**
 * The retirement age under normal working conditions, by gender and month of birth: Bộ luật Lao động 2019,
 * Điều 169, and the table of Nghị định 135/2020/NĐ-CP (Phụ lục I). From 2021 it rises by 3 months a year
 * for men up to 62 (reached in 2028) and by 4 months a year for women up to 60 (reached in 2035).
 * Rows are in birth order; `bornUntil` is the last month of birth (year * 12 + month - 1) the row covers.
 */
const month = (year: number, m: number) => year * 12 + (m - 1);
type Row = { bornUntil: number; years: number; months: number };
const open = Number.POSITIVE_INFINITY;

export const retirementTable: Record<"male" | "female", readonly Row[]> = {
  male: [
    { bornUntil: month(1960, 12), years: 60, months: 0 },
    { bornUntil: month(1961, 9), years: 60, months: 3 },
    { bornUntil: month(1962, 6), years: 60, months: 6 },
    { bornUntil: month(1963, 3), years: 60, months: 9 },
    { bornUntil: month(1963, 12), years: 61, months: 0 },
    { bornUntil: month(1964, 9), years: 61, months: 3 },
    { bornUntil: month(1965, 6), years: 61, months: 6 },
    { bornUntil: month(1966, 3), years: 61, months: 9 },
    { bornUntil: open, years: 62, months: 0 },
  ],
  female: [
    { bornUntil: month(1965, 12), years: 55, months: 0 },
    { bornUntil: month(1966, 8), years: 55, months: 4 },
    { bornUntil: month(1967, 4), years: 55, months: 8 },
    { bornUntil: month(1967, 12), years: 56, months: 0 },
    { bornUntil: month(1968, 8), years: 56, months: 4 },
    { bornUntil: month(1969, 4), years: 56, months: 8 },
    { bornUntil: month(1969, 12), years: 57, months: 0 },
    { bornUntil: month(1970, 8), years: 57, months: 4 },
    { bornUntil: month(1971, 4), years: 57, months: 8 },
    { bornUntil: month(1971, 12), years: 58, months: 0 },
    { bornUntil: month(1972, 8), years: 58, months: 4 },
    { bornUntil: month(1973, 4), years: 58, months: 8 },
    { bornUntil: month(1973, 12), years: 59, months: 0 },
    { bornUntil: month(1974, 8), years: 59, months: 4 },
    { bornUntil: month(1975, 4), years: 59, months: 8 },
    { bornUntil: open, years: 60, months: 0 },
  ],
};

export type Birth = { birthDate: Date | null; birthYear: number | null; gender: string };

/**
 * The first day she is retired: the month after the one in which she reaches her retirement age.
 * With only a birth year, January is assumed, the earliest: the check warns rather than misses.
 * Null when the birth is unknown.
 */
export function retirementDay({ birthDate, birthYear, gender }: Birth): Date | null {
  let born: number;
  if (birthDate) {
    const [year, m] = isoDay(birthDate).split("-").map(Number);
    born = month(year!, m!);
  } else if (birthYear) born = month(birthYear, 1);
  else return null;
  const rows = retirementTable[gender === "male" ? "male" : "female"];
  const row = rows.find((r) => born <= r.bornUntil)!;
  const after = born + row.years * 12 + row.months + 1;
  return vietnamDay(Math.floor(after / 12), (after % 12) + 1, 1);
}

/** Whether she can serve the whole term before she retires (QĐ 50-QĐ/TW, QĐ 377-QĐ/TW: at least one full term). */
export function servesWholeTerm(birth: Birth, termEndsOn: Date) {
  const retires = retirementDay(birth);
  return retires === null || retires.getTime() >= termEndsOn.getTime();
}
