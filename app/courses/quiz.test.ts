import { describe, expect, test } from "vitest";
import { answerKey, gradeQuiz, publicQuiz, quizProblems, type QuizDefinition } from "#app/courses/quiz.ts";
import { defaultQuizPolicy } from "#app/courses/quiz-policy.ts";

const quiz: QuizDefinition = {
  id: "final",
  policy: defaultQuizPolicy,
  questions: [
    {
      id: "single",
      prompt: "Pick one",
      multiple: false,
      choices: [
        { id: "a", text: "Wrong", correct: false },
        { id: "b", text: "Right", correct: true },
      ],
      explanation: "B is the answer because of secret-reason-1",
    },
    {
      id: "many",
      prompt: "Pick all",
      multiple: true,
      choices: [
        { id: "a", text: "Right one", correct: true },
        { id: "b", text: "Wrong", correct: false },
        { id: "c", text: "Right two", correct: true },
      ],
      explanation: "A and C, see secret-reason-2",
    },
    {
      id: "third",
      prompt: "Pick one again",
      multiple: false,
      choices: [
        { id: "a", text: "Right", correct: true },
        { id: "b", text: "Wrong", correct: false },
      ],
      explanation: "A",
    },
  ],
};

const rightOrWrong = (answers: Record<string, string[]>) => {
  const { results, score } = gradeQuiz(quiz, answers, 0);
  return { ...Object.fromEntries(results.map((r) => [r.questionId, r.correct])), score };
};

describe("gradeQuiz", () => {
  test("an exactly correct set scores every question, in any order", () => {
    const result = gradeQuiz(quiz, { single: ["b"], many: ["c", "a"], third: ["a"] }, 80);
    expect(result).toEqual({
      score: 100,
      passed: true,
      results: [
        { questionId: "single", correct: true },
        { questionId: "many", correct: true },
        { questionId: "third", correct: true },
      ],
    });
  });

  test("single choice: the wrong choice, both choices, or an unknown id are wrong; a repeated right id is right", () => {
    const rest = { many: ["a", "c"], third: ["a"] };
    expect(rightOrWrong({ single: ["a"], ...rest })).toEqual({ single: false, many: true, third: true, score: 67 });
    expect(rightOrWrong({ single: ["a", "b"], ...rest })).toEqual({ single: false, many: true, third: true, score: 67 });
    expect(rightOrWrong({ single: ["z"], ...rest })).toEqual({ single: false, many: true, third: true, score: 67 });
    expect(rightOrWrong({ single: ["b", "b"], ...rest })).toEqual({ single: true, many: true, third: true, score: 100 });
  });

  test("multiple choice: partial, extra, swapped, unknown or empty selections are wrong; repeats count once", () => {
    const rest = { single: ["b"], third: ["b"] };
    const many = (chosen: string[]) => rightOrWrong({ ...rest, many: chosen });
    expect(many(["a"])).toEqual({ single: true, many: false, third: false, score: 33 });
    expect(many(["a", "b", "c"])).toEqual({ single: true, many: false, third: false, score: 33 });
    expect(many(["a", "b"])).toEqual({ single: true, many: false, third: false, score: 33 });
    expect(many(["a", "c", "z"])).toEqual({ single: true, many: false, third: false, score: 33 });
    expect(many(["a", "a"])).toEqual({ single: true, many: false, third: false, score: 33 });
    expect(many([])).toEqual({ single: true, many: false, third: false, score: 33 });
    expect(many(["c", "a", "c", "a"])).toEqual({ single: true, many: true, third: false, score: 67 });
  });

  test("empty answers and unanswered questions are wrong; answers to unknown questions are ignored", () => {
    expect(rightOrWrong({})).toEqual({ single: false, many: false, third: false, score: 0 });
    expect(rightOrWrong({ single: [], many: [], third: [] })).toEqual({ single: false, many: false, third: false, score: 0 });
    const extra = gradeQuiz(quiz, { single: ["b"], many: ["a", "c"], third: ["a"], extra: ["a"] }, 100);
    expect(extra.results.map((r) => r.questionId)).toEqual(["single", "many", "third"]);
    expect(extra).toMatchObject({ score: 100, passed: true });
  });

  test("the score is the rounded whole percent of right questions; exactly the pass mark passes, one below fails", () => {
    expect(gradeQuiz(quiz, { single: ["b"] }, 0).score).toBe(33);
    expect(gradeQuiz(quiz, { single: ["b"], many: ["a", "c"] }, 67)).toMatchObject({ score: 67, passed: true });
    expect(gradeQuiz(quiz, { single: ["b"], many: ["a", "c"] }, 68)).toMatchObject({ score: 67, passed: false });
  });

  test("a grade says which questions were right and nothing of the answer key", () => {
    const json = JSON.stringify(gradeQuiz(quiz, { single: ["a"] }, 0));
    expect(json).not.toContain("secret-reason");
    expect(json).not.toContain("ChoiceIds");
  });
});

describe("answerKey", () => {
  test("lists the right choices and the explanation of each question", () => {
    expect(answerKey(quiz)).toEqual([
      { questionId: "single", correctChoiceIds: ["b"], explanation: "B is the answer because of secret-reason-1" },
      { questionId: "many", correctChoiceIds: ["a", "c"], explanation: "A and C, see secret-reason-2" },
      { questionId: "third", correctChoiceIds: ["a"], explanation: "A" },
    ]);
  });
});

describe("publicQuiz", () => {
  test("keeps prompts and choices but no correct flag and no explanation anywhere", () => {
    const json = JSON.stringify(publicQuiz(quiz));
    expect(json).not.toContain("correct");
    expect(json).not.toContain("secret-reason");
    expect(json).not.toContain("explanation");
    const { questions, text } = publicQuiz(quiz);
    expect(questions[1]).toEqual({ id: "many", multiple: true, choices: ["a", "b", "c"] });
    expect("entries" in text && questions[1]!.choices.map((c) => text.entries[`many.${c}`])).toEqual(["Right one", "Wrong", "Right two"]);
  });
});

describe("quizProblems", () => {
  test("a well-formed quiz has none", () => {
    expect(quizProblems(quiz)).toEqual([]);
  });

  test("an empty quiz is reported, and would grade as 0 rather than as no number", () => {
    const empty = { id: "empty", policy: defaultQuizPolicy, questions: [] };
    expect(quizProblems(empty)).toEqual([expect.stringContaining('"empty"')]);
    expect(gradeQuiz(empty, {}, 0)).toEqual({ score: 0, passed: true, results: [] });
  });

  test("a question id used more than once is reported once", () => {
    const [first] = quiz.questions;
    expect(quizProblems({ ...quiz, questions: [first!, first!, ...quiz.questions] })).toEqual(['Câu hỏi id="single" bị trùng']);
  });

  test("one choice, no correct answer, several correct without multiple, no explanation are each reported", () => {
    const problems = quizProblems({
      id: "bad",
      policy: defaultQuizPolicy,
      questions: [
        { id: "one", prompt: "", multiple: false, choices: [{ id: "a", text: "x", correct: true }], explanation: "e" },
        { id: "none", prompt: "", multiple: false, choices: [{ id: "a", text: "x", correct: false }, { id: "b", text: "y", correct: false }], explanation: "e" },
        { id: "two", prompt: "", multiple: false, choices: [{ id: "a", text: "x", correct: true }, { id: "b", text: "y", correct: true }], explanation: "e" },
        { id: "silent", prompt: "", multiple: false, choices: [{ id: "a", text: "x", correct: true }, { id: "b", text: "y", correct: false }], explanation: "" },
      ],
    });
    expect(problems).toHaveLength(4);
    expect(problems[0]).toContain('"one"');
    expect(problems[1]).toContain('"none"');
    expect(problems[2]).toContain('"two"');
    expect(problems[3]).toContain('"silent"');
  });
});
