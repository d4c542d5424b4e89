import { describe, expect, test } from "vitest";
import { vietnamDay } from "#app/org/days.ts";
import { ageOn, committeeWomenWarning, exceedsShare, judgedOn, listWarnings, meetsShare, type ListEntry, type PlanningRuleKey, type Rule } from "./rules.ts";

const rules = (entries: Partial<Record<PlanningRuleKey, number>>) =>
  new Map(Object.entries(entries).map(([key, value]) => [key as PlanningRuleKey, { value, source: `nguồn ${key}` } satisfies Rule]));
const all = rules({ "planning-max-per-position": 3, "planning-max-positions-per-person": 3, "planning-women-share": 0.25, "planning-young-share": 0.15, "planning-full-term": 1 });

let n = 0;
const entry = (over: Partial<ListEntry> = {}): ListEntry => ({
  entryId: `e${++n}`,
  userId: `u${n}`,
  position: "dang_uy_vien_ban_chap_hanh",
  female: false,
  young: false,
  servesWholeTerm: true,
  positionsAtLevel: 1,
  ...over,
});

describe("shares are compared exactly; pages round half up to 0.1 %", () => {
  test("2 women of 8 meet 25 %; 1 of 5 does not; 3 of 20 meet 15 % with no float drift", () => {
    expect(meetsShare(2, 8, 0.25)).toBe(true);
    expect(meetsShare(1, 5, 0.25)).toBe(false);
    expect(meetsShare(3, 20, 0.15)).toBe(true); // 0.15 × 20 is 3.0000000000000004 in floating point
    expect(meetsShare(2, 9, 0.25)).toBe(false); // 22.2 %
  });
  test("a ballot passes with more than half, not with exactly half", () => {
    expect(exceedsShare(16, 30, 0.5)).toBe(true);
    expect(exceedsShare(15, 30, 0.5)).toBe(false);
    expect(exceedsShare(8, 15, 0.5)).toBe(true);
  });
});

describe("the warnings of a list, each naming its source", () => {
  test("a fourth person on a titled position is over 3; a fourth ủy viên is not counted by that rule", () => {
    const three = [1, 2, 3].map(() => entry({ position: "dang_pho_bi_thu", female: true, young: true }));
    expect(listWarnings(three, all).filter((w) => w.kind === "over-per-position")).toEqual([]);
    const four = [...three, entry({ position: "dang_pho_bi_thu", female: true, young: true })];
    expect(listWarnings(four, all)).toContainEqual({ kind: "over-per-position", position: "dang_pho_bi_thu", count: 4, limit: 3, source: "nguồn planning-max-per-position" });
    const members = [1, 2, 3, 4].map(() => entry({ female: true, young: true }));
    expect(listWarnings(members, all).filter((w) => w.kind === "over-per-position")).toEqual([]);
  });

  test("the same person twice on one position counts once", () => {
    const same = entry({ position: "hoi_chu_tich", female: true, young: true });
    const list = [same, { ...same, entryId: "again" }, entry({ position: "hoi_chu_tich", female: true, young: true }), entry({ position: "hoi_chu_tich", female: true, young: true })];
    expect(listWarnings(list, all).filter((w) => w.kind === "over-per-position")).toEqual([]);
  });

  test("women and young shares count distinct people per body (Party list, Union list)", () => {
    // Party list: 9 people, 2 women (22.2 %), 2 young (22.2 %); Union list: 2 women, no young
    const party = [
      entry({ female: true, young: true }),
      entry({ female: true }),
      entry({ young: true }),
      ...[1, 2, 3, 4, 5, 6].map(() => entry()),
    ];
    const union = [entry({ position: "hoi_chu_tich", female: true }), entry({ position: "hoi_pho_chu_tich", female: true })];
    const warnings = listWarnings([...party, ...union], all);
    expect(warnings).toContainEqual({ kind: "women-share", body: "party", women: 2, total: 9, minimum: 0.25, source: "nguồn planning-women-share" });
    expect(warnings.some((w) => w.kind === "young-share" && w.body === "party")).toBe(false); // 2 of 9 ≥ 15 %
    expect(warnings).toContainEqual({ kind: "young-share", body: "union", young: 0, total: 2, minimum: 0.15, source: "nguồn planning-young-share" });
    expect(warnings.some((w) => w.kind === "women-share" && w.body === "union")).toBe(false);
  });

  test("an unknown age is not young, and an empty list has no share to miss", () => {
    expect(listWarnings([], all)).toEqual([]);
    const unknown = [entry({ female: true, young: null })];
    expect(listWarnings(unknown, all)).toContainEqual(expect.objectContaining({ kind: "young-share", young: 0, total: 1 }));
  });

  test("one person in more than 3 positions of the same level, once per person", () => {
    const busy = entry({ positionsAtLevel: 4, female: true, young: true });
    const warnings = listWarnings([busy, { ...busy, entryId: "x", position: "dang_bi_thu" }], all);
    expect(warnings.filter((w) => w.kind === "over-positions-per-person")).toEqual([{ kind: "over-positions-per-person", userId: busy.userId, count: 4, limit: 3, source: "nguồn planning-max-positions-per-person" }]);
  });

  test("a cadre who retires before the term ends", () => {
    const old = entry({ servesWholeTerm: false, female: true, young: true });
    expect(listWarnings([old], all)).toEqual([{ kind: "ages-out", userId: old.userId, entryId: old.entryId, source: "nguồn planning-full-term" }]);
  });

  test("no rule in force, no warning: rules are data", () => {
    const four = [1, 2, 3, 4].map(() => entry({ position: "dang_bi_thu", servesWholeTerm: false }));
    expect(listWarnings(four, new Map())).toEqual([]);
  });
});

test("women on an elected committee: 2 of 14 is under 15 %, 2 of 13 is not", () => {
  const rule = { value: 0.15, source: "CT 35" };
  const members = (women: number, total: number) => Array.from({ length: total }, (_, i) => ({ female: i < women }));
  expect(committeeWomenWarning(members(2, 14), rule)).toEqual({ women: 2, total: 14, minimum: 0.15, source: "CT 35" }); // 14.3 %
  expect(committeeWomenWarning(members(2, 13), rule)).toBeNull(); // 15.4 %
  expect(committeeWomenWarning(members(0, 13), undefined)).toBeNull();
});

test("age in whole years on a day, in Vietnam; a birth year alone counts from 1 January", () => {
  const on = vietnamDay(2026, 6, 15)!;
  expect(ageOn({ birthDate: vietnamDay(1991, 6, 15)!, birthYear: null }, on)).toBe(35);
  expect(ageOn({ birthDate: vietnamDay(1991, 6, 16)!, birthYear: null }, on)).toBe(34);
  expect(ageOn({ birthDate: null, birthYear: 1991 }, on)).toBe(35);
  expect(ageOn({ birthDate: null, birthYear: null }, on)).toBeNull();
});

test("a list is judged on the day asked, but never after its term ended", () => {
  const term = { endsOn: vietnamDay(2025, 7, 1)! };
  const before = vietnamDay(2024, 3, 1)!;
  expect(judgedOn(before, term)).toBe(before);
  expect(judgedOn(vietnamDay(2026, 12, 4)!, term)).toEqual(vietnamDay(2025, 6, 30)); // the term's last day
});
