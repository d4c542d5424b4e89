import { z } from "zod";

// The report's day, "yyyy-mm-dd" in Vietnam's time (no daylight saving: UTC+7), as in a URL.
const vietnamOffsetMs = 7 * 3_600_000;

export const reportDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((day) => !Number.isNaN(dayStart(day).getTime()) && dayParam(dayStart(day)) === day);

/** The first moment of the day in Vietnam: what the tree valid "on" that day is checked against. */
export function dayStart(day: string) {
  return new Date(`${day}T00:00:00+07:00`);
}

/** The Vietnamese day a moment falls on. */
export function dayParam(at: Date) {
  return new Date(at.getTime() + vietnamOffsetMs).toISOString().slice(0, 10);
}

/** The last day a unit closing at `validTo` was still on the tree. */
export const dayBefore = (validTo: Date) => dayParam(new Date(validTo.getTime() - 1));
