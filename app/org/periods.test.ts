import { describe, expect, test } from "vitest";
import { vietnamDay as day } from "./days.ts";
import { answersFor, formatPeriod, isValidOn, periodBounds, periodOf, periodParam, reportingDay, resolveSources, type HistoryUnit } from "./periods.ts";

const vietnamDay = (year: number, month: number, date: number) => day(year, month, date)!;

describe("periods in Vietnam's time zone", () => {
  test("a half-year starts and ends at midnight in Vietnam, 17:00 UTC the day before", () => {
    expect(periodBounds({ year: 2025, half: 1 })).toEqual({ start: new Date("2024-12-31T17:00:00Z"), end: new Date("2025-06-30T17:00:00Z") });
    expect(periodBounds({ year: 2025, half: 2 })).toEqual({ start: new Date("2025-06-30T17:00:00Z"), end: new Date("2025-12-31T17:00:00Z") });
    expect(periodBounds({ year: 2025, half: 0 })).toEqual({ start: new Date("2024-12-31T17:00:00Z"), end: new Date("2025-12-31T17:00:00Z") });
  });

  test("an instant belongs to the half-year of its calendar day in Vietnam, not in UTC", () => {
    expect(periodOf(new Date("2025-06-30T16:59:59Z"))).toEqual({ year: 2025, half: 1 });
    expect(periodOf(new Date("2025-06-30T17:00:00Z"))).toEqual({ year: 2025, half: 2 });
    expect(periodOf(new Date("2025-12-31T17:30:00Z"))).toEqual({ year: 2026, half: 1 });
    expect(periodOf(new Date("2025-12-31T16:30:00Z"), true)).toEqual({ year: 2025, half: 0 });
  });

  test("the reporting day is the period's last day", () => {
    expect(reportingDay({ year: 2024, half: 1 })).toEqual(vietnamDay(2024, 6, 30));
    expect(reportingDay({ year: 2024, half: 2 })).toEqual(vietnamDay(2024, 12, 31));
    expect(reportingDay({ year: 2024, half: 0 })).toEqual(vietnamDay(2024, 12, 31));
  });

});

describe("validity", () => {
  const old = { validFrom: null, validTo: vietnamDay(2025, 7, 1) };
  const formed = { validFrom: vietnamDay(2025, 7, 1), validTo: null };

  test("validFrom is inside, validTo outside", () => {
    expect(isValidOn(old, new Date("2025-06-30T16:59:59Z"))).toBe(true);
    expect(isValidOn(old, vietnamDay(2025, 7, 1))).toBe(false);
    expect(isValidOn(formed, vietnamDay(2025, 7, 1))).toBe(true);
    expect(isValidOn(formed, new Date("2025-06-30T16:59:59Z"))).toBe(false);
  });

  test("the first half of 2025 is the old tree's; the second half and the whole year the new one's", () => {
    expect([answersFor(old, { year: 2025, half: 1 }), answersFor(formed, { year: 2025, half: 1 })]).toEqual([true, false]);
    expect([answersFor(old, { year: 2025, half: 2 }), answersFor(formed, { year: 2025, half: 2 })]).toEqual([false, true]);
    expect([answersFor(old, { year: 2025, half: 0 }), answersFor(formed, { year: 2025, half: 0 })]).toEqual([false, true]);
    expect([answersFor(old, { year: 2019, half: 1 }), answersFor(formed, { year: 2019, half: 1 })]).toEqual([true, false]);
  });
});

describe("source units across successions", () => {
  const at = (y: number, m: number) => vietnamDay(y, m, 1);
  // 2019: communes a, b, c. 2022: a and b merge into ab. 1/7/2025: ab and c merge into abc.
  const units: Record<string, HistoryUnit> = {
    a: { id: "a", validFrom: null, validTo: at(2022, 1) },
    b: { id: "b", validFrom: null, validTo: at(2022, 1) },
    c: { id: "c", validFrom: null, validTo: at(2025, 7) },
    ab: { id: "ab", validFrom: at(2022, 1), validTo: at(2025, 7) },
    abc: { id: "abc", validFrom: at(2025, 7), validTo: null },
  };
  const predecessors: Record<string, string[]> = { ab: ["a", "b"], abc: ["ab", "c"] };
  const asked: string[][] = [];
  const lookup = async (ids: string[]) => {
    asked.push(ids);
    return new Map(ids.map((id) => [id, (predecessors[id] ?? []).map((p) => units[p]!)]));
  };
  const sources = async (id: string, year: number, half: 0 | 1 | 2) => (await resolveSources([units[id]!], { year, half }, lookup)).get(id)!.map((u) => u.id).sort();

  test("a unit valid in the period is its own source", async () => {
    expect(await sources("abc", 2025, 2)).toEqual(["abc"]);
    expect(await sources("c", 2019, 1)).toEqual(["c"]);
  });

  test("a unit formed in 2025 rolls up its predecessors of each earlier period, transitively", async () => {
    expect(await sources("abc", 2025, 1)).toEqual(["ab", "c"]);
    expect(await sources("abc", 2021, 2)).toEqual(["a", "b", "c"]);
  });

  test("an old unit keeps its own history and has nothing after it closed", async () => {
    expect(await sources("a", 2019, 0)).toEqual(["a"]);
    expect(await sources("c", 2025, 2)).toEqual([]);
  });

  test("many units are resolved together, one lookup per generation", async () => {
    asked.length = 0;
    const result = await resolveSources([units.abc!, units.ab!, units.c!], { year: 2020, half: 0 }, lookup);
    expect(Object.fromEntries([...result].map(([id, found]) => [id, found.map((u) => u.id).sort()]))).toEqual({ abc: ["a", "b", "c"], ab: ["a", "b"], c: ["c"] });
    expect(asked).toEqual([["abc", "ab"], ["ab"]]);
  });
});

test("periods read and print as 2019-H1, 2019-H2 and 2019", () => {
  expect(periodParam.parse("2019-H1")).toEqual({ year: 2019, half: 1 });
  expect(periodParam.parse("2019")).toEqual({ year: 2019, half: 0 });
  for (const bad of ["2019-H3", "19-H1", "2019H1", "1899", ""]) expect(periodParam.safeParse(bad).success, bad).toBe(false);
  expect(formatPeriod({ year: 2025, half: 2 })).toBe("2025-H2");
  expect(formatPeriod({ year: 2016, half: 0 })).toBe("2016");
});
