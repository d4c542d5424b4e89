import type { Prisma } from "#app/generated/prisma/client.ts";

/**
 * Who may be put on a unit's planning list for a term: a cadre (not deactivated) of the unit's subtree, or one who
 * holds a position there during the term — after 1 July 2025 cadres lead the new communes while their
 * records stay with the old ones. The one rule for the list page, planning a cadre and the import.
 */
export function plannableWhere(unit: { path: string }, term: { startsOn: Date; endsOn: Date }): Prisma.UserWhereInput {
  return {
    deactivatedAt: null,
    OR: [
      { unit: { path: { startsWith: unit.path } } },
      { holdings: { some: { unit: { path: { startsWith: unit.path } }, from: { lt: term.endsOn }, OR: [{ to: null }, { to: { gte: term.startsOn } }] } } },
    ],
  };
}
