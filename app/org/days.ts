// Calendar days as Vietnamese offices write them, each stored as the day's first moment in Vietnam (UTC+7,
// no DST): the one module for reading and writing days, in forms, addresses and imported files.
const vietnamOffsetHours = 7;

export function vietnamDay(year: number, month: number, day: number): Date | null {
  const date = new Date(Date.UTC(year, month - 1, day, -vietnamOffsetHours));
  const check = new Date(date.getTime() + vietnamOffsetHours * 3_600_000);
  // 31/02 rolls over into March: not a day.
  return check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day ? date : null;
}

// Excel counts days from 30/12/1899 (its 1900 leap-year bug makes that day 0 for every date after February 1900).
const excelEpoch = Date.UTC(1899, 11, 30);

/** An Excel serial day number (what a date cell holds): 43647 is 01/07/2019. */
export function excelSerialDay(serial: number): Date | null {
  if (!Number.isInteger(serial) || serial < 61 || serial > 2_958_465) return null;
  const utc = new Date(excelEpoch + serial * 86_400_000);
  return vietnamDay(utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate());
}

/** dd/mm/yyyy (also d/m/yyyy, with - or .) or yyyy-mm-dd, as typed in a form; anything else is null. */
export function parseDay(text: string): Date | null {
  const value = text.trim();
  let match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (match) return vietnamDay(Number(match[3]), Number(match[2]), Number(match[1]));
  match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (match) return vietnamDay(Number(match[1]), Number(match[2]), Number(match[3]));
  return null;
}

/** A spreadsheet cell's day: as parseDay, or the serial number Excel keeps in a date cell. */
export function parseCellDay(text: string): Date | null {
  const value = text.trim();
  return parseDay(value) ?? (/^\d{3,7}$/.test(value) ? excelSerialDay(Number(value)) : null);
}

/** The day as yyyy-mm-dd in Vietnam, for <input type="date"> and files. */
export function isoDay(date: Date) {
  return new Date(date.getTime() + vietnamOffsetHours * 3_600_000).toISOString().slice(0, 10);
}

/** The last day a unit closing at `validTo` was still on the tree. */
export const dayBefore = (validTo: Date) => isoDay(new Date(validTo.getTime() - 1));
