import { createContext, useContext } from "react";
import type { PublicQuiz, QuizResult } from "#app/courses/quiz.ts";

export type LessonActivityState = {
  /** In the author's preview nothing is submitted or stored. */
  preview?: boolean;
  quiz: PublicQuiz | null;
  passMark: number;
  quizResult: QuizResult | null;
  bestScore: number | null;
  attempts: number;
  responses: Record<string, string>;
  endedScenarioIds: string[];
};

export const LessonContext = createContext<LessonActivityState | null>(null);

export function useLessonState() {
  const state = useContext(LessonContext);
  if (!state) throw new Error("Lesson components must be rendered inside a lesson");
  return state;
}
