/**
 * What attending an in-person class of the course does: `records` (the default) keeps the attendance on the
 * cadre's record while completion still takes the lessons; `completes` makes attending complete the course.
 */
export const attendanceRules = ["records", "completes"] as const;
export type AttendanceRule = (typeof attendanceRules)[number];

export type CompletionRule = {
  lessonIds: readonly string[];
  quiz: { id: string; passMark: number } | null;
  scenarioIds: readonly string[];
  attendance: AttendanceRule;
};

export type LearnerState = {
  doneLessonIds: ReadonlySet<string>;
  bestQuizScore: number | null;
  endedScenarioIds: ReadonlySet<string>;
  /** Attended an in-person class of the course that counts for the current round. */
  attendedClass: boolean;
};

type RuleSource = {
  // `optional` is absent from courses compiled before lessons could be optional: those lessons are required.
  lessons: readonly { id: string; optional?: boolean }[];
  quiz: { id: string } | null;
  passMark: number;
  requiredScenarioIds: readonly string[];
  // Absent from courses compiled before classes were recorded: attendance only recorded.
  attendance?: AttendanceRule;
};

/** What completing a course takes: every lesson not marked optional, the quiz's pass mark and the required scenarios, or a class where the course says so. */
export function completionRule(course: RuleSource): CompletionRule {
  return {
    lessonIds: course.lessons.filter((l) => !l.optional).map((l) => l.id),
    quiz: course.quiz ? { id: course.quiz.id, passMark: course.passMark } : null,
    scenarioIds: course.requiredScenarioIds,
    attendance: course.attendance ?? "records",
  };
}

/** How the course is complete: by the learner's own steps, in person by a class attended, or not (null). Steps come first. */
export function completedBy(rule: CompletionRule, state: LearnerState): "steps" | "class" | null {
  const steps =
    rule.lessonIds.every((id) => state.doneLessonIds.has(id)) &&
    (rule.quiz === null || (state.bestQuizScore ?? -1) >= rule.quiz.passMark) &&
    rule.scenarioIds.every((id) => state.endedScenarioIds.has(id));
  if (steps) return "steps";
  return rule.attendance === "completes" && state.attendedClass ? "class" : null;
}

export function isCourseComplete(rule: CompletionRule, state: LearnerState) {
  return completedBy(rule, state) !== null;
}
