import { expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { Prisma } from "#app/generated/prisma/client.ts";
import { vietnamDay } from "#app/org/days.ts";
import { ensureUnit } from "#app/org/unit-tree.server.ts";
import { upsertPerson } from "./people.server.ts";
import { heldOn, heldOnSql } from "./holdings.server.ts";

test("a position is held from its first day through its last, the same in the filter and in SQL", async () => {
  const unit = await ensureUnit(db, { code: "H1", name: "Xã H", level: "commune", kind: "xa", parent: null });
  const user = await upsertPerson(db, { name: "Chị Giữ", phone: "0944000001", gender: "female", unitId: unit.id }, null);
  const ends = await db.positionHolding.create({ data: { userId: user.id, unitId: unit.id, position: "hoi_chu_tich", from: vietnamDay(2020, 1, 1)!, to: vietnamDay(2025, 6, 30)! } });
  const open = await db.positionHolding.create({ data: { userId: user.id, unitId: unit.id, position: "chi_hoi_truong", from: vietnamDay(2025, 7, 1)!, to: null } });
  const cases: [Date, string[]][] = [
    [vietnamDay(2019, 12, 31)!, []],
    [vietnamDay(2020, 1, 1)!, [ends.id]],
    [new Date("2025-06-30T23:00:00+07:00"), [ends.id]], // her last day, late in the evening
    [vietnamDay(2025, 7, 1)!, [open.id]],
    [new Date("2026-12-04T10:00:00+07:00"), [open.id]],
  ];
  for (const [day, expected] of cases) {
    const byFilter = await db.positionHolding.findMany({ where: { userId: user.id, ...heldOn(day) }, select: { id: true } });
    const bySql = await db.$queryRaw<{ id: string }[]>(Prisma.sql`select h."id" from "PositionHolding" h where h."userId" = ${user.id} and ${heldOnSql("h", day)}`);
    expect(byFilter.map((h) => h.id).sort()).toEqual([...expected].sort());
    expect(bySql.map((h) => h.id).sort()).toEqual([...expected].sort());
  }
});
