import { periodBounds, type Period } from "#app/org/periods.ts";

/** The periods a report can be asked for, newest first: every half and whole year from 2016 that has ended by `now`. */
export function endedPeriods(now: Date, since = 2016): Period[] {
  const periods: Period[] = [];
  for (let year = now.getUTCFullYear(); year >= since; year--)
    for (const half of [2, 1, 0] as const) if (periodBounds({ year, half }).end <= now) periods.push({ year, half });
  return periods;
}

/** The last half-year that has ended: what an organizer looks at first. */
export const latestHalf = (now: Date) => endedPeriods(now).find((p) => p.half !== 0)!;
