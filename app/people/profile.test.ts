import { expect, test } from "vitest";
import { isBirthYear, meetsTheoryLevel } from "./profile.ts";

test("a cadre's birth year lies between 1930 and sixteen years ago, whichever form or file it comes from", () => {
  const now = new Date("2026-12-04T00:00:00+07:00");
  expect([1929, 1930, 1985, 2010, 2011, 2099, 1985.5].map((year) => isBirthYear(year, now))).toEqual([false, true, true, true, false, false, false]);
});

test("a political-theory level meets a requirement at or below it", () => {
  expect(meetsTheoryLevel("cao_cap", "trung_cap")).toBe(true);
  expect(meetsTheoryLevel("so_cap", "trung_cap")).toBe(false);
  expect(meetsTheoryLevel(null, "so_cap")).toBe(false);
});
