import { describe, expect, test } from "vitest";
import { completedBy, completionRule, isCourseComplete, type CompletionRule, type LearnerState } from "#app/courses/completion.ts";

const rule: CompletionRule = { lessonIds: ["l1", "l2"], quiz: { id: "final", passMark: 80 }, scenarioIds: ["s1"], attendance: "records" };
const done: LearnerState = { doneLessonIds: new Set(["l1", "l2"]), bestQuizScore: 80, endedScenarioIds: new Set(["s1"]), attendedClass: false };

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

describe("attendance at an in-person class", () => {
  const nothing: LearnerState = { doneLessonIds: new Set(), bestQuizScore: null, endedScenarioIds: new Set(), attendedClass: false };

  test("completes a course whose rule says so, with nothing done online", () => {
    expect(completedBy({ ...rule, attendance: "completes" }, { ...nothing, attendedClass: true })).toBe("class");
  });

  test("is only recorded by default: completion still needs the lessons", () => {
    expect(completedBy(rule, { ...nothing, attendedClass: true })).toBeNull();
    expect(completedBy(rule, { ...done, attendedClass: true })).toBe("steps");
  });

  test("a course that attendance completes still completes by the learner's own steps, which come first", () => {
    expect(completedBy({ ...rule, attendance: "completes" }, { ...done, attendedClass: true })).toBe("steps");
    expect(completedBy({ ...rule, attendance: "completes" }, nothing)).toBeNull();
  });
});

describe("completionRule", () => {
  const course = {
    lessons: [{ id: "l1", optional: false }, { id: "planning", optional: true }, { id: "quiz" }],
    quiz: { id: "final" },
    passMark: 80,
    requiredScenarioIds: ["s1"],
  };
  const state = (doneLessonIds: string[]): LearnerState => ({ doneLessonIds: new Set(doneLessonIds), bestQuizScore: 90, endedScenarioIds: new Set(["s1"]), attendedClass: false });

  test("requires every lesson not marked optional, a lesson without the mark included", () => {
    expect(completionRule(course).lessonIds).toEqual(["l1", "quiz"]);
  });

  test("an optional lesson left unread does not block completion, and reading it changes nothing", () => {
    const rule = completionRule(course);
    expect(isCourseComplete(rule, state(["l1", "quiz"]))).toBe(true);
    expect(isCourseComplete(rule, state(["l1", "planning", "quiz"]))).toBe(true);
  });

  test("an optional lesson read does not stand in for a required one", () => {
    expect(isCourseComplete(completionRule(course), state(["planning", "quiz"]))).toBe(false);
  });

  test("carries the course's quiz, pass mark and required scenarios", () => {
    expect(completionRule(course)).toMatchObject({ quiz: { id: "final", passMark: 80 }, scenarioIds: ["s1"] });
    expect(completionRule({ ...course, quiz: null }).quiz).toBeNull();
  });

  test("attendance is only recorded unless the course says it completes, also for courses compiled before classes", () => {
    expect(completionRule(course).attendance).toBe("records");
    expect(completionRule({ ...course, attendance: "completes" }).attendance).toBe("completes");
  });
});
