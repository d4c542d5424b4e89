import { describe, expect, test } from "vitest";
import { gradeQuiz, publicQuiz, quizProblems, type QuizDefinition } from "#app/courses/quiz.ts";

const quiz: QuizDefinition = {
  id: "final",
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

describe("gradeQuiz", () => {
  test("an exactly correct set scores every question", () => {
    const result = gradeQuiz(quiz, { single: ["b"], many: ["c", "a"], third: ["a"] }, 80);
    expect(result.score).toBe(100);
    expect(result.passed).toBe(true);
    expect(result.results.map((r) => r.correct)).toEqual([true, true, true]);
  });

  test("a wrong single choice scores 0 for that question", () => {
    const result = gradeQuiz(quiz, { single: ["a"], many: ["a", "c"], third: ["a"] }, 0);
    expect(result.results.find((r) => r.questionId === "single")?.correct).toBe(false);
  });

  test("a partial or over-full multiple selection scores 0 for that question", () => {
    const partial = gradeQuiz(quiz, { single: ["b"], many: ["a"], third: ["a"] }, 0);
    const overFull = gradeQuiz(quiz, { single: ["b"], many: ["a", "b", "c"], third: ["a"] }, 0);
    expect(partial.results[1]).toMatchObject({ questionId: "many", correct: false, correctChoiceIds: ["a", "c"] });
    expect(overFull.results[1]?.correct).toBe(false);
  });

  test("the score is the rounded whole percent of right questions", () => {
    expect(gradeQuiz(quiz, { single: ["b"], many: ["a", "c"] }, 0).score).toBe(67);
    expect(gradeQuiz(quiz, { single: ["b"] }, 0).score).toBe(33);
  });

  test("a score exactly at the pass mark passes, one below fails", () => {
    expect(gradeQuiz(quiz, { single: ["b"], many: ["a", "c"] }, 67).passed).toBe(true);
    expect(gradeQuiz(quiz, { single: ["b"], many: ["a", "c"] }, 68).passed).toBe(false);
  });

  test("answers to unknown question ids are ignored", () => {
    const result = gradeQuiz(quiz, { single: ["b"], many: ["a", "c"], third: ["a"], extra: ["a"] }, 100);
    expect(result.results).toHaveLength(3);
    expect(result.score).toBe(100);
  });

  test("an unanswered question counts as wrong", () => {
    expect(gradeQuiz(quiz, {}, 0).score).toBe(0);
  });
});

describe("publicQuiz", () => {
  test("keeps prompts and choices but no correct flag and no explanation anywhere", () => {
    const json = JSON.stringify(publicQuiz(quiz));
    expect(json).not.toContain("correct");
    expect(json).not.toContain("secret-reason");
    expect(json).not.toContain("explanation");
    expect(publicQuiz(quiz).questions[1]?.choices.map((c) => c.text)).toEqual(["Right one", "Wrong", "Right two"]);
  });
});

describe("quizProblems", () => {
  test("a well-formed quiz has none", () => {
    expect(quizProblems(quiz)).toEqual([]);
  });

  test("an empty quiz is reported", () => {
    expect(quizProblems({ id: "empty", questions: [] })).toEqual([expect.stringContaining('"empty"')]);
  });

  test("one choice, no correct answer, several correct without multiple, no explanation are each reported", () => {
    const problems = quizProblems({
      id: "bad",
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
