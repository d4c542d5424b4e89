import { z } from "zod";

/** A reporting period: a half-year (1: January–June, 2: July–December) or a whole year (half 0). */
export type Period = { year: number; half: 0 | 1 | 2 };

// Vietnam has no daylight saving: its days start at 17:00 UTC of the day before.
const vietnamOffsetHours = 7;
const vietnamMidnight = (year: number, monthIndex: number) => new Date(Date.UTC(year, monthIndex, 1, -vietnamOffsetHours));

/** The period's first moment and the first moment after it, in Vietnam's time. */
export function periodRange({ year, half }: Period): { from: Date; to: Date } {
  const startMonth = half === 2 ? 6 : 0;
  const endMonth = half === 1 ? 6 : 12;
  return { from: vietnamMidnight(year, startMonth), to: vietnamMidnight(year, endMonth) };
}

/** The day the figures of a period describe: its last day, when the counts are taken. */
export function periodEnd(period: Period) {
  return new Date(periodRange(period).to.getTime() - 1);
}

/** "2019-H1", "2019-H2" or "2019", as in a URL or an import file. */
export const periodParam = z
  .string()
  .regex(/^(\d{4})(?:-H([12]))?$/)
  .transform((text): Period => {
    const [, year, half] = /^(\d{4})(?:-H([12]))?$/.exec(text)!;
    return { year: Number(year), half: half ? (Number(half) as 1 | 2) : 0 };
  })
  .refine((p) => p.year >= 2000 && p.year <= 2100);

export const formatPeriod = ({ year, half }: Period) => (half === 0 ? String(year) : `${year}-H${half}`);
