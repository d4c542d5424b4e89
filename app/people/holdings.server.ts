import { Prisma } from "#app/generated/prisma/client.ts";
import { isoDay, parseDay } from "#app/org/days.ts";

// A position is held from its first day (`from`) through its last (`to`, inclusive; null: still held). The
// one rule, as a Prisma filter and as SQL; holdings.server.test.ts keeps the two equal.

/** The first moment of the day (in Vietnam) that `day` falls in: a holding ending that day still counts. */
const startOfDay = (day: Date) => parseDay(isoDay(day))!;

/** Holdings held on a day, as a PositionHolding filter. */
export const heldOn = (day: Date) => ({ from: { lte: day }, OR: [{ to: null }, { to: { gte: startOfDay(day) } }] });

/** heldOn as a condition on the PositionHolding rows of a query (`holding` is their alias). */
export function heldOnSql(holding: string, day: Date) {
  const h = Prisma.raw(`"${holding}"`);
  return Prisma.sql`(${h}."from" <= ${day} and (${h}."to" is null or ${h}."to" >= ${startOfDay(day)}))`;
}
