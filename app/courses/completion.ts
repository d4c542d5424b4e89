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

export function isCourseComplete(rule: CompletionRule, state: LearnerState) {
  return (
    rule.lessonIds.every((id) => state.doneLessonIds.has(id)) &&
    (rule.quiz === null || (state.bestQuizScore ?? -1) >= rule.quiz.passMark) &&
    rule.scenarioIds.every((id) => state.endedScenarioIds.has(id))
  );
}
