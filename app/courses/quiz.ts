import { z } from "zod";
import type { QuizPolicy } from "./quiz-policy.ts";
import { choiceTextId, type QuizText } from "./quiz-words.ts";

export type QuizChoice = { id: string; text: string; correct: boolean };
export type QuizQuestion = { id: string; prompt: string; multiple: boolean; choices: QuizChoice[]; explanation: string };
export type QuizDefinition = { id: string; policy: QuizPolicy; questions: QuizQuestion[] };

/**
 * What the browser may see before submitting: the policy, no `correct`, no explanations. The words
 * come apart from the structure, so a learner's page can send them by key (see html-registry.server.ts).
 */
export type PublicQuiz = {
  id: string;
  policy: QuizPolicy;
  questions: { id: string; multiple: boolean; choices: string[] }[];
  text: { entries: QuizText } | { key: string };
};


export type QuestionResult = { questionId: string; correct: boolean };
export type QuizGrade = { score: number; passed: boolean; results: QuestionResult[] };
export type AnswerKeyEntry = { questionId: string; correctChoiceIds: string[]; explanation: string };
/** What a learner gets back: which questions were right, and the answer key only when the policy allows it. */
export type QuizResult = QuizGrade & { answerKey: AnswerKeyEntry[] | null };

export const quizAnswers = z.record(z.string(), z.array(z.string()).min(1));
export type QuizAnswers = z.infer<typeof quizAnswers>;

export function publicQuiz(quiz: QuizDefinition): PublicQuiz {
  return {
    id: quiz.id,
    policy: quiz.policy,
    questions: quiz.questions.map(({ id, multiple, choices }) => ({ id, multiple, choices: choices.map((c) => c.id) })),
    text: {
      entries: Object.fromEntries(quiz.questions.flatMap((q) => [[q.id, q.prompt], ...q.choices.map((c) => [choiceTextId(q.id, c.id), c.text])])),
    },
  };
}

const correctChoiceIds = (question: QuizQuestion) => question.choices.filter((c) => c.correct).map((c) => c.id);

// A question scores only when exactly the correct set is chosen (repeats count once, unknown ids make
// it wrong); the score is a whole percent.
export function gradeQuiz(quiz: QuizDefinition, answers: QuizAnswers, passMark: number): QuizGrade {
  const results = quiz.questions.map((question) => {
    const expected = correctChoiceIds(question);
    const chosen = new Set(answers[question.id] ?? []);
    return { questionId: question.id, correct: chosen.size === expected.length && expected.every((id) => chosen.has(id)) };
  });
  const right = results.filter((r) => r.correct).length;
  const score = quiz.questions.length === 0 ? 0 : Math.round((right / quiz.questions.length) * 100);
  return { score, passed: score >= passMark, results };
}

export function answerKey(quiz: QuizDefinition): AnswerKeyEntry[] {
  return quiz.questions.map((q) => ({ questionId: q.id, correctChoiceIds: correctChoiceIds(q), explanation: q.explanation }));
}

/** The problems that make a quiz ungradable, for content checks. */
export function quizProblems(quiz: QuizDefinition): string[] {
  const problems: string[] = [];
  if (quiz.questions.length === 0) problems.push(`Quiz "${quiz.id}" không có câu hỏi nào`);
  const ids = quiz.questions.map((q) => q.id);
  for (const id of new Set(ids.filter((id, i) => ids.indexOf(id) !== i))) problems.push(`Câu hỏi id="${id}" bị trùng`);
  for (const q of quiz.questions) {
    const correct = q.choices.filter((c) => c.correct).length;
    if (q.choices.length < 2) problems.push(`Câu "${q.id}" cần ít nhất 2 lựa chọn`);
    if (correct === 0) problems.push(`Câu "${q.id}" không có đáp án đúng`);
    if (!q.multiple && correct > 1) problems.push(`Câu "${q.id}" có ${correct} đáp án đúng nhưng không đánh dấu multiple`);
    if (!q.explanation) problems.push(`Câu "${q.id}" thiếu <Explanation>`);
  }
  return problems;
}
