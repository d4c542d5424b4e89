export type CompletionRule = {
  lessonIds: readonly string[];
  quiz: { id: string; passMark: number } | null;
  scenarioIds: readonly string[];
};

export type LearnerState = {
  doneLessonIds: ReadonlySet<string>;
  bestQuizScore: number | null;
  endedScenarioIds: ReadonlySet<string>;
};

type RuleSource = {
  // `optional` is absent from courses compiled before lessons could be optional: those lessons are required.
  lessons: readonly { id: string; optional?: boolean }[];
  quiz: { id: string } | null;
  passMark: number;
  requiredScenarioIds: readonly string[];
};

/** What completing a course takes: every lesson not marked optional, the quiz's pass mark and the required scenarios. */
export function completionRule(course: RuleSource): CompletionRule {
  return {
    lessonIds: course.lessons.filter((l) => !l.optional).map((l) => l.id),
    quiz: course.quiz ? { id: course.quiz.id, passMark: course.passMark } : null,
    scenarioIds: course.requiredScenarioIds,
  };
}

export function isCourseComplete(rule: CompletionRule, state: LearnerState) {
  return (
    rule.lessonIds.every((id) => state.doneLessonIds.has(id)) &&
    (rule.quiz === null || (state.bestQuizScore ?? -1) >= rule.quiz.passMark) &&
    rule.scenarioIds.every((id) => state.endedScenarioIds.has(id))
  );
}
