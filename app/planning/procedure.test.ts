import { expect, test } from "vitest";
import { passesBallot, procedureGuidances, procedureSteps, standing, throughBeforeApproval, type RecordedStep } from "./procedure.ts";

const procedure = procedureSteps(procedureGuidances.at(-1)!);
const half = { value: 0.5, source: "HD 16" };
const thresholdOn = () => half;
const day = (d: number) => new Date(Date.UTC(2024, 0, d));
const step = (kind: string, d: number, participants: number, results: Record<string, { votes: number | null; selected: boolean }>): RecordedStep => ({
  id: `${kind}${d}`,
  kind,
  heldOn: day(d),
  participants,
  results: new Map(Object.entries(results)),
});
const ballot = (votes: number, participants: number) => ({ votes, selected: passesBallot(votes, participants, half) });
const chosen = { votes: null, selected: true };

test("a ballot lets through more than half the participants, not exactly half; no threshold in force lets nobody through", () => {
  expect(passesBallot(16, 30, half)).toBe(true);
  expect(passesBallot(15, 30, half)).toBe(false);
  expect(passesBallot(8, 15, half)).toBe(true);
  expect(passesBallot(30, 30, undefined)).toBe(false);
});

test("through every step: selected where there is no ballot, by its votes at a ballot", () => {
  const recorded = [
    step("appraisal", 1, 5, { a: chosen }),
    step("nomination", 2, 30, { a: ballot(16, 30) }),
    step("selection", 3, 5, { a: chosen }),
    step("executive_ballot", 4, 15, { a: ballot(8, 15) }),
    step("approval", 5, 1, { a: chosen }),
  ];
  expect(standing("a", procedure, recorded, thresholdOn).map((o) => o.state)).toEqual(["passed", "passed", "passed", "passed", "passed"]);
});

test("stops at a ballot with exactly half the votes, naming the threshold of that ballot's day; later steps stay pending", () => {
  const recorded = [step("appraisal", 1, 5, { b: chosen }), step("nomination", 2, 30, { b: ballot(15, 30) }), step("selection", 3, 5, { b: chosen })];
  const outcome = standing("b", procedure, recorded, (d) => (d.getTime() === day(2).getTime() ? half : undefined));
  expect(outcome[1]).toEqual({ step: "nomination", state: "failed", heldOn: day(2), votes: 15, participants: 30, threshold: half });
  expect(outcome.slice(2).map((o) => o.state)).toEqual(["pending", "pending", "pending"]);
  expect(throughBeforeApproval(outcome)).toBe(false);
});

test("a past ballot stands as recorded: a higher threshold later does not turn its pass into a failure", () => {
  const recorded = [step("appraisal", 1, 5, { e: chosen }), step("nomination", 10, 10, { e: ballot(6, 10) })];
  const stricter = () => ({ value: 0.66, source: "a later guidance" });
  expect(standing("e", procedure, recorded, stricter)[1]).toMatchObject({ state: "passed" });
});

test("the latest recording of a step counts (the yearly review repeats steps); absent when not on its ballot", () => {
  const recorded = [step("appraisal", 1, 5, { c: { votes: null, selected: false } }), step("appraisal", 9, 5, { c: chosen }), step("nomination", 10, 30, { other: ballot(20, 30) })];
  const outcome = standing("c", procedure, recorded, thresholdOn);
  expect(outcome.map((o) => o.state)).toEqual(["passed", "absent", "pending", "pending", "pending"]);
  expect(throughBeforeApproval(outcome)).toBe(false);
});

test("nothing recorded yet: every step pending, and nothing stops an approval (lists made before Lan Tỏa)", () => {
  const outcome = standing("d", procedure, [], thresholdOn);
  expect(outcome.every((o) => o.state === "pending")).toBe(true);
  expect(throughBeforeApproval(outcome)).toBe(true);
});
