import { expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { vietnamDay } from "#app/org/days.ts";
import { ensureUnit } from "#app/org/unit-tree.server.ts";
import { upsertPerson } from "#app/people/people.server.ts";
import { plannableWhere } from "./eligibility.ts";

test("a list may hold the unit's own cadres and those serving there during the term, not others", async () => {
  const merge = vietnamDay(2025, 7, 1)!;
  const oldCommune = await ensureUnit(db, { code: "OLD", name: "Xã cũ", level: "commune", kind: "xa", parent: null, validTo: merge });
  const newCommune = await ensureUnit(db, { code: "NEW", name: "Xã mới", level: "commune", kind: "xa", parent: null, validFrom: merge });
  const term = { startsOn: merge, endsOn: vietnamDay(2030, 7, 1)! };
  let n = 0;
  const person = async (unitId: string, holding?: { from: Date; to: Date | null }, deactivated = false) => {
    n += 1;
    const user = await upsertPerson(db, { name: `Người ${n}`, phone: `0933${String(n).padStart(6, "0")}`, gender: "female", unitId }, null);
    if (holding) await db.positionHolding.create({ data: { userId: user.id, unitId: newCommune.id, position: "hoi_chu_tich", ...holding } });
    if (deactivated) await db.user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
    return user.id;
  };
  const own = await person(newCommune.id);
  const serving = await person(oldCommune.id, { from: merge, to: null });
  const servedBefore = await person(oldCommune.id, { from: vietnamDay(2020, 1, 1)!, to: vietnamDay(2025, 6, 30)! });
  const elsewhere = await person(oldCommune.id);
  const locked = await person(newCommune.id, undefined, true);
  const found = await db.user.findMany({ where: { id: { in: [own, serving, servedBefore, elsewhere, locked] }, ...plannableWhere(newCommune, term) }, select: { id: true } });
  expect(new Set(found.map((u) => u.id))).toEqual(new Set([own, serving]));
});
