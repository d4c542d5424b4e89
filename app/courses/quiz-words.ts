// Kept apart from quiz.ts (which validates with zod) so that the quiz's browser code stays small.

/** A quiz's words: each question's prompt under its id, each choice's text under "question.choice". */
export type QuizText = Record<string, string>;

export const choiceTextId = (questionId: string, choiceId: string) => `${questionId}.${choiceId}`;
