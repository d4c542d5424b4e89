import { expect, test } from "vitest";
import { defaultProcedure, standing, type RecordedStep } from "./procedure.ts";

const threshold = { value: 0.5, source: "HD 16" };
const day = (d: number) => new Date(Date.UTC(2024, 0, d));
const step = (kind: string, d: number, participants: number, results: Record<string, { votes: number | null; selected: boolean }>): RecordedStep => ({
  id: `${kind}${d}`,
  kind,
  heldOn: day(d),
  participants,
  results: new Map(Object.entries(results)),
});

test("through every step: selected where there is no ballot, more than half the votes at a ballot", () => {
  const recorded = [
    step("appraisal", 1, 5, { a: { votes: null, selected: true } }),
    step("nomination", 2, 30, { a: { votes: 16, selected: false } }),
    step("selection", 3, 5, { a: { votes: null, selected: true } }),
    step("executive_ballot", 4, 15, { a: { votes: 8, selected: false } }),
    step("approval", 5, 1, { a: { votes: null, selected: true } }),
  ];
  expect(standing("a", defaultProcedure, recorded, threshold).map((o) => o.state)).toEqual(["passed", "passed", "passed", "passed", "passed"]);
});

test("stops at a ballot with exactly half the votes; the steps after it stay pending", () => {
  const recorded = [step("appraisal", 1, 5, { b: { votes: null, selected: true } }), step("nomination", 2, 30, { b: { votes: 15, selected: false } }), step("selection", 3, 5, { b: { votes: null, selected: true } })];
  const outcome = standing("b", defaultProcedure, recorded, threshold);
  expect(outcome[1]).toEqual({ step: "nomination", state: "failed", heldOn: day(2), votes: 15, participants: 30, threshold });
  expect(outcome.slice(2).map((o) => o.state)).toEqual(["pending", "pending", "pending"]);
});

test("the latest recording of a step counts (the yearly review repeats steps); absent when not on its ballot", () => {
  const recorded = [
    step("appraisal", 1, 5, { c: { votes: null, selected: false } }),
    step("appraisal", 9, 5, { c: { votes: null, selected: true } }),
    step("nomination", 10, 30, { other: { votes: 20, selected: false } }),
  ];
  expect(standing("c", defaultProcedure, recorded, threshold).map((o) => o.state)).toEqual(["passed", "absent", "pending", "pending", "pending"]);
});

test("nothing recorded yet: every step pending", () => {
  expect(standing("d", defaultProcedure, [], threshold).every((o) => o.state === "pending")).toBe(true);
});
