import { describe, expect, test } from "vitest";
import { isCourseComplete, type CompletionRule, type LearnerState } from "#app/courses/completion.ts";

const rule: CompletionRule = { lessonIds: ["l1", "l2"], quiz: { id: "final", passMark: 80 }, scenarioIds: ["s1"] };
const done: LearnerState = { doneLessonIds: new Set(["l1", "l2"]), bestQuizScore: 80, endedScenarioIds: new Set(["s1"]) };

describe("isCourseComplete", () => {
  test("all lessons, a quiz score at the pass mark and every scenario ended complete the course", () => {
    expect(isCourseComplete(rule, done)).toBe(true);
  });

  test("a missing lesson keeps it incomplete", () => {
    expect(isCourseComplete(rule, { ...done, doneLessonIds: new Set(["l1"]) })).toBe(false);
  });

  test("a quiz score below the pass mark, or no attempt, keeps it incomplete", () => {
    expect(isCourseComplete(rule, { ...done, bestQuizScore: 79 })).toBe(false);
    expect(isCourseComplete(rule, { ...done, bestQuizScore: null })).toBe(false);
  });

  test("a required scenario not ended keeps it incomplete", () => {
    expect(isCourseComplete(rule, { ...done, endedScenarioIds: new Set(["other"]) })).toBe(false);
  });

  test("a course without a quiz completes on lessons and scenarios alone", () => {
    expect(isCourseComplete({ ...rule, quiz: null }, { ...done, bestQuizScore: null })).toBe(true);
  });

  test("a pass mark of 0 still needs an attempt", () => {
    expect(isCourseComplete({ ...rule, quiz: { id: "final", passMark: 0 } }, { ...done, bestQuizScore: null })).toBe(false);
  });
});
