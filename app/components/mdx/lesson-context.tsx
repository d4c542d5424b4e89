import { createContext, useContext } from "react";
import type { PublicQuiz } from "#app/courses/quiz.ts";

export type LessonActivityState = {
  /** In the author's preview nothing is submitted or stored. */
  preview?: boolean;
  quiz: PublicQuiz | null;
  passMark: number;
  bestScore: number | null;
  /** Attempts of the current round, how many are left (null: unlimited) and when the next may start. */
  attempts: { used: number; left: number | null; nextAttemptAt: string | null };
  responses: Record<string, string>;
  endedScenarioIds: string[];
  /** New each time the server renders the page, which it does again after every accepted post. */
  submissionKey?: string;
};

/** For content without learner state: course introductions and the author's preview. */
export const noActivities: LessonActivityState = { quiz: null, passMark: 0, bestScore: null, attempts: { used: 0, left: null, nextAttemptAt: null }, responses: {}, endedScenarioIds: [] };

export const LessonContext = createContext<LessonActivityState | null>(null);

/** The idempotency key a form sends: the page's, told apart per form, so a resent form counts once. */
export function formKey(state: LessonActivityState, form: string) {
  return state.submissionKey ? `${state.submissionKey}.${form}` : undefined;
}

export function useLessonState() {
  const state = useContext(LessonContext);
  if (!state) throw new Error("Lesson components must be rendered inside a lesson");
  return state;
}
