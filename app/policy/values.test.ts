import { expect, test } from "vitest";
import { parsePolicyValue, policyValueText } from "./values.ts";

test("a share is typed in percent and stored as a fraction, 0 to 100 %", () => {
  expect(parsePolicyValue("share", "25")).toBe(0.25);
  expect(parsePolicyValue("share", "25,5")).toBe(0.255);
  expect(parsePolicyValue("share", " 15 % ")).toBe(0.15);
  expect(parsePolicyValue("share", "0")).toBe(0);
  expect(parsePolicyValue("share", "100")).toBe(1);
  for (const bad of ["100,1", "-5", "", "abc", "0.25.1"]) expect(parsePolicyValue("share", bad), bad).toBeNull();
});

test("a count is a positive whole number; an age a whole number from 18 to 70", () => {
  expect(parsePolicyValue("count", "3")).toBe(3);
  for (const bad of ["0", "2,5", "-1"]) expect(parsePolicyValue("count", bad), bad).toBeNull();
  expect([parsePolicyValue("age", "18"), parsePolicyValue("age", "70"), parsePolicyValue("age", "35")]).toEqual([18, 70, 35]);
  for (const bad of ["17", "71", "35,5"]) expect(parsePolicyValue("age", bad), bad).toBeNull();
});

test("a value reads as its directive states it", () => {
  expect(policyValueText("share", 0.25)).toBe("25%");
  expect(policyValueText("count", 3)).toBe("3");
});
