import { useState } from "react";
import { useActionData, useFetcher, useLocation } from "react-router";
import type { QuizResult } from "#app/courses/quiz.ts";
import { useT, type CoreKey } from "#app/i18n/i18n.ts";
import { formKey, useLessonState } from "./lesson-context.tsx";

type QuizResponse = { intent: "quiz"; result?: QuizResult; error?: CoreKey };

/** The answer key stays on the server: this form only learns what was right after submitting. */
export function Quiz({ id }: { id: string }) {
  const { t } = useT();
  const state = useLessonState();
  const fetcher = useFetcher<QuizResponse>();
  const actionData = useActionData<QuizResponse>();
  const response = fetcher.data ?? (actionData?.intent === "quiz" ? actionData : undefined);
  const { pathname } = useLocation();
  const [retried, setRetried] = useState<QuizResult | null>(null);
  const quiz = state.quiz?.id === id ? state.quiz : null;
  if (!quiz) return null;
  const result = response?.result && response.result !== retried ? response.result : null;
  const byQuestion = new Map(result?.results.map((r) => [r.questionId, r]));
  return (
    <section className="quiz" aria-labelledby={`quiz-${id}`}>
      <fetcher.Form method="post" key={result ? "graded" : "open"}>
        <input type="hidden" name="intent" value="quiz" />
        <input type="hidden" name="idempotencyKey" value={formKey(state, `quiz.${id}`)} />
        <ol className="quiz-questions">
          {quiz.questions.map((question, index) => {
            const graded = byQuestion.get(question.id);
            return (
              <li key={question.id} className="quiz-question">
                <fieldset aria-describedby={graded ? `${question.id}-explain` : undefined}>
                  <legend>
                    <span className="visually-hidden">{t("quiz.question", { number: index + 1 })}: </span>
                    {question.prompt}
                    <span className="muted quiz-hint"> ({t(question.multiple ? "quiz.chooseMany" : "quiz.chooseOne")})</span>
                  </legend>
                  {question.choices.map((choice) => {
                    const isRight = graded?.correctChoiceIds.includes(choice.id);
                    return (
                      <label key={choice.id} className={`choice${graded ? (isRight ? " choice-right" : "") : ""}`}>
                        <input type={question.multiple ? "checkbox" : "radio"} name={`q:${question.id}`} value={choice.id} disabled={Boolean(result)} />
                        <span>{choice.text}</span>
                      </label>
                    );
                  })}
                  {graded ? (
                    <p id={`${question.id}-explain`} className={graded.correct ? "explain explain-right" : "explain explain-wrong"}>
                      <strong>{t(graded.correct ? "quiz.correct" : "quiz.incorrect")}.</strong> {graded.explanation}
                    </p>
                  ) : null}
                </fieldset>
              </li>
            );
          })}
        </ol>
        {response?.error ? (
          <p role="alert" className="form-error">
            {t(response.error)}
          </p>
        ) : null}
        {result ? null : (
          <button type="submit" className="button" disabled={state.preview || fetcher.state !== "idle"}>
            {t("quiz.submit")}
          </button>
        )}
      </fetcher.Form>
      {result ? (
        <div role="status" className={result.passed ? "quiz-outcome passed" : "quiz-outcome failed"}>
          <p>
            <strong>{t("quiz.score", { score: result.score, passMark: state.passMark })}</strong> {t(result.passed ? "quiz.passed" : "quiz.failed")}
          </p>
          <a className="button button-secondary" href={pathname} onClick={(e) => (e.preventDefault(), setRetried(result))}>
            {t("quiz.retry")}
          </a>
        </div>
      ) : null}
      {state.attempts > 0 ? <p className="muted">{t("quiz.attempts", { count: state.attempts, best: state.bestScore ?? 0 })}</p> : null}
    </section>
  );
}
