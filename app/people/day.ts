// Dates of a person's life and positions are calendar days in Vietnam: stored as midnight there.
const vietnamMidnight = (year: number, month: number, day: number) =>
  new Date(`${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}T00:00:00+07:00`);

/** A day written dd/mm/yyyy (as people write it) or yyyy-mm-dd (as a date input sends it), or null. */
export function parseDay(text: string): Date | null {
  const match = text.trim().match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/) ?? text.trim().match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (!match) return null;
  const [a, b, c] = match.slice(1).map(Number) as [number, number, number];
  const [year, month, day] = text.includes("/") ? [c, b, a] : [a, b, c];
  const date = vietnamMidnight(year, month, day);
  if (Number.isNaN(date.getTime())) return null;
  // 31/02 rolls over into March: a day that does not come back as written does not exist.
  return dayInVietnam(date) === `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}` ? date : null;
}

/** yyyy-mm-dd in Vietnam, for a date input's value. */
export function dayInVietnam(date: Date) {
  return new Date(date.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}
