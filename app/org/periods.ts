// Reporting periods and unit validity, in Vietnam's time zone (UTC+7 all year: no daylight saving).
import { z } from "zod";
import { isoDay, vietnamDay } from "./days.ts";

const dayMs = 86_400_000;

/** 1: 1/1–30/6, 2: 1/7–31/12, 0: the whole year (as MembershipReport.half). */
export type Half = 0 | 1 | 2;
export type Period = { year: number; half: Half };
/** A unit exists from validFrom (inclusive) to validTo (exclusive); null is unbounded. */
export type Validity = { validFrom: Date | null; validTo: Date | null };

/** The period as [start, end): start is its first midnight, end the first midnight after it. */
export function periodBounds({ year, half }: Period) {
  return {
    start: vietnamDay(year, half === 2 ? 7 : 1, 1)!,
    end: half === 1 ? vietnamDay(year, 7, 1)! : vietnamDay(year + 1, 1, 1)!,
  };
}

/** The day a period's figures describe: its last day (30/6 or 31/12). */
export function reportingDay(period: Period) {
  return new Date(periodBounds(period).end.getTime() - dayMs);
}

/** The half-year (or, with `whole`, the year) that holds an instant, by the calendar in Vietnam. */
export function periodOf(date: Date, whole = false): Period {
  const [year, month] = isoDay(date).split("-").map(Number) as [number, number];
  return { year, half: whole ? 0 : month <= 6 ? 1 : 2 };
}

export function isValidOn(unit: Validity, date: Date) {
  return (unit.validFrom === null || unit.validFrom <= date) && (unit.validTo === null || date < unit.validTo);
}

/**
 * A period belongs to the tree of its reporting day: the units valid on 30/6 (or 31/12) answer for it.
 * So the first half of 2025 is the old communes', the second half and the whole year 2025 the new ones'.
 */
export function answersFor(unit: Validity, period: Period) {
  return isValidOn(unit, reportingDay(period));
}

export type HistoryUnit = Validity & { id: string };

/**
 * For each unit, the units whose figures make up its own for `period`: itself if it answers for the
 * period, otherwise its predecessors that do, found transitively through the successions (`predecessorsOf`,
 * asked once per generation for all units together). A unit formed on 1/7/2025 thus shows its predecessors'
 * history; one with neither (closed before, or formed after the period) has no sources.
 */
export async function resolveSources<U extends HistoryUnit>(units: readonly U[], period: Period, predecessorsOf: (ids: string[]) => Promise<Map<string, U[]>>) {
  const sources = new Map(units.map((u) => [u.id, [] as U[]]));
  const seen = new Set(units.map((u) => `${u.id}>${u.id}`));
  let frontier = units.map((unit) => ({ origin: unit.id, unit }));
  while (frontier.length > 0) {
    const searching: typeof frontier = [];
    for (const step of frontier) {
      if (answersFor(step.unit, period)) sources.get(step.origin)!.push(step.unit);
      else searching.push(step);
    }
    if (searching.length === 0) break;
    const found = await predecessorsOf([...new Set(searching.map(({ unit }) => unit.id))]);
    frontier = [];
    for (const { origin, unit } of searching)
      for (const predecessor of found.get(unit.id) ?? []) {
        // Two lines of succession may meet again; each source is counted once per origin.
        const key = `${origin}>${predecessor.id}`;
        if (!seen.has(key)) frontier.push({ origin, unit: predecessor });
        seen.add(key);
      }
  }
  return sources;
}

/** "2019-H1", "2019-H2" or "2019", as in an address or an import file. */
export const periodParam = z
  .string()
  .regex(/^\d{4}(-H[12])?$/)
  .transform((text): Period => ({ year: Number(text.slice(0, 4)), half: text.length > 4 ? (Number(text.slice(6)) as 1 | 2) : 0 }))
  .refine((p) => p.year >= 2000 && p.year <= 2100);

export const formatPeriod = ({ year, half }: Period) => (half === 0 ? String(year) : `${year}-H${half}`);
