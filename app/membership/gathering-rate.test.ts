import { expect, test } from "vitest";
import { gatheringRate, householdCoverage, meetsTarget, sumFigures } from "./gathering-rate.ts";

test("the rate is members over women aged 18+, kept with its inputs", () => {
  expect(gatheringRate({ members: 1_200, womenAdult: 2_400 })).toEqual({ members: 1_200, womenAdult: 2_400, rate: 0.5 });
  expect(gatheringRate({ members: 0, womenAdult: 0 }).rate).toBeNull();
});

test("units add up as the sum of members over the sum of women, not the average of their rates", () => {
  // A: 900 / 1 000 = 90 %; B: 1 000 / 5 000 = 20 %. Average of rates: 55 %. Sums: 1 900 / 6 000 ≈ 31.7 %.
  const total = gatheringRate(sumFigures([{ members: 900, womenAdult: 1_000 }, { members: 1_000, womenAdult: 5_000 }]));
  expect(total).toEqual({ members: 1_900, womenAdult: 6_000, rate: 1_900 / 6_000 });
  expect(meetsTarget(total.rate, 0.5)).toBe(false);
});

test("a rate exactly at the target meets it; no rate never does", () => {
  expect(meetsTarget(0.5, 0.5)).toBe(true);
  expect(meetsTarget(0.4999, 0.5)).toBe(false);
  expect(meetsTarget(null, 0)).toBe(false);
});

test("household coverage is households with a member over households with a woman aged 18+", () => {
  expect(householdCoverage({ households: 200, householdsWithMember: 160 }).rate).toBe(0.8);
  expect(householdCoverage({ households: 0, householdsWithMember: 0 }).rate).toBeNull();
});
