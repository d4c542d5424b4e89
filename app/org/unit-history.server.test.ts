import { beforeAll, describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { periodEnd } from "./periods.ts";
import { sourceUnits } from "./unit-history.server.ts";
import { ensureUnit, type TreeUnit } from "./unit-tree.server.ts";

const merge = new Date("2025-07-01T00:00:00+07:00");
const merge2 = new Date("2030-07-01T00:00:00+07:00");
let oldA: TreeUnit, oldB: TreeUnit, oldC: TreeUnit, merged: TreeUnit, mergedAgain: TreeUnit, untouched: TreeUnit;

async function unit(code: string, validFrom: Date | null, validTo: Date | null) {
  return ensureUnit(db, { code, name: code, level: "commune", kind: "xa", parent: null, validFrom, validTo });
}
async function succeed(predecessor: TreeUnit, successor: TreeUnit, on: Date) {
  await db.unitSuccession.create({ data: { predecessorId: predecessor.id, successorId: successor.id, effectiveOn: on, legalBasis: "test" } });
}

beforeAll(async () => {
  oldA = await unit("A", null, merge);
  oldB = await unit("B", null, merge);
  oldC = await unit("C", null, merge2);
  merged = await unit("AB", merge, merge2);
  mergedAgain = await unit("ABC", merge2, null);
  untouched = await unit("U", null, null);
  await succeed(oldA, merged, merge);
  await succeed(oldB, merged, merge);
  await succeed(merged, mergedAgain, merge2);
  await succeed(oldC, mergedAgain, merge2);
});

describe("sourceUnits", () => {
  test("a unit formed on 1/7/2025 shows its predecessors' figures for earlier periods, and its own after", async () => {
    const before = await sourceUnits(db, [merged.id], periodEnd({ year: 2025, half: 1 }));
    expect(before.get(merged.id)?.sort()).toEqual([oldA.id, oldB.id].sort());
    const after = await sourceUnits(db, [merged.id], periodEnd({ year: 2025, half: 2 }));
    expect(after.get(merged.id)).toEqual([merged.id]);
  });

  test("an old commune keeps its own 2019–2025 figures and has none after it closed", async () => {
    const sources = await sourceUnits(db, [oldA.id, untouched.id], periodEnd({ year: 2019, half: 1 }));
    expect(sources.get(oldA.id)).toEqual([oldA.id]);
    expect(sources.get(untouched.id)).toEqual([untouched.id]);
    expect((await sourceUnits(db, [oldA.id], periodEnd({ year: 2026, half: 0 }))).get(oldA.id)).toEqual([]);
  });

  test("merges are followed back transitively, each source where it was valid", async () => {
    const in2019 = await sourceUnits(db, [mergedAgain.id], periodEnd({ year: 2019, half: 0 }));
    expect(in2019.get(mergedAgain.id)?.sort()).toEqual([oldA.id, oldB.id, oldC.id].sort());
    const in2027 = await sourceUnits(db, [mergedAgain.id], periodEnd({ year: 2027, half: 0 }));
    expect(in2027.get(mergedAgain.id)?.sort()).toEqual([merged.id, oldC.id].sort());
  });

  test("an unknown unit has no sources", async () => {
    expect((await sourceUnits(db, ["nope"], new Date())).get("nope")).toEqual([]);
  });
});
