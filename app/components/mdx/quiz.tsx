import { useState } from "react";
import { useActionData, useFetcher, useLocation } from "react-router";
import type { QuizResult } from "#app/courses/quiz.ts";
import type { ShowAnswers } from "#app/courses/quiz-policy.ts";
import { useT, type CoreKey } from "#app/i18n/i18n.ts";
import { formKey, useLessonState } from "./lesson-context.tsx";
import { quizMessages } from "#app/i18n/vi/quiz.ts";

type QuizKey = CoreKey | keyof typeof quizMessages;
type QuizResponse = { intent: "quiz"; result?: QuizResult; error?: QuizKey; nextAttemptAt?: string | null };

const revealNotice: Record<ShowAnswers, QuizKey> = {
  "after-pass": "quiz.answersAfterPass",
  "after-last-attempt": "quiz.answersAfterLastAttempt",
  never: "quiz.answersNever",
};

/**
 * The answer key stays on the server: this form learns which questions were right after submitting,
 * and the right choices and explanations only when the quiz's policy shows them.
 */
export function Quiz({ id }: { id: string }) {
  const { t, dateTime } = useT(quizMessages);
  const state = useLessonState();
  const fetcher = useFetcher<QuizResponse>();
  const actionData = useActionData<QuizResponse>();
  const response = fetcher.data ?? (actionData?.intent === "quiz" ? actionData : undefined);
  const { pathname } = useLocation();
  const [retried, setRetried] = useState<QuizResult | null>(null);
  // A new round of the form each retry, so a graded attempt keeps showing what the learner chose.
  const [round, setRound] = useState(0);
  const quiz = state.quiz?.id === id ? state.quiz : null;
  if (!quiz) return null;
  const result = response?.result && response.result !== retried ? response.result : null;
  const byQuestion = new Map(result?.results.map((r) => [r.questionId, r]));
  const answerOf = new Map(result?.answerKey?.map((a) => [a.questionId, a]));
  const { policy } = quiz;
  const { used, left, nextAttemptAt } = state.attempts;
  return (
    <section className="quiz" aria-labelledby={`quiz-${id}`}>
      <p className="muted quiz-policy">
        {policy.attempts === null ? null : `${t("quiz.policyAttempts", { allowed: policy.attempts })} `}
        {policy.waitMinutes > 0 ? `${t("quiz.policyWait", { minutes: policy.waitMinutes })} ` : null}
        {t(revealNotice[policy.showAnswers])}
      </p>
      <fetcher.Form method="post" key={round}>
        <input type="hidden" name="intent" value="quiz" />
        <input type="hidden" name="idempotencyKey" value={formKey(state, `quiz.${id}`)} />
        <ol className="quiz-questions">
          {quiz.questions.map((question, index) => {
            const graded = byQuestion.get(question.id);
            const answer = answerOf.get(question.id);
            return (
              <li key={question.id} className="quiz-question">
                <fieldset aria-describedby={graded ? `${question.id}-explain` : undefined}>
                  <legend>
                    <span className="visually-hidden">{t("quiz.question", { number: index + 1 })}: </span>
                    {question.prompt}
                    <span className="muted quiz-hint"> ({t(question.multiple ? "quiz.chooseMany" : "quiz.chooseOne")})</span>
                  </legend>
                  {question.choices.map((choice) => (
                    <label key={choice.id} className={`choice${answer?.correctChoiceIds.includes(choice.id) ? " choice-right" : ""}`}>
                      <input type={question.multiple ? "checkbox" : "radio"} name={`q:${question.id}`} value={choice.id} disabled={Boolean(result)} />
                      <span>{choice.text}</span>
                    </label>
                  ))}
                  {graded ? (
                    <p id={`${question.id}-explain`} className={graded.correct ? "explain explain-right" : "explain explain-wrong"}>
                      <strong>{t(graded.correct ? "quiz.correct" : "quiz.incorrect")}.</strong> {answer?.explanation}
                    </p>
                  ) : null}
                </fieldset>
              </li>
            );
          })}
        </ol>
        {response?.error ? (
          <p role="alert" className="form-error">
            {t(response.error, { at: response.nextAttemptAt ? dateTime(response.nextAttemptAt) : "" })}
          </p>
        ) : null}
        {result || left === 0 ? null : (
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
          {left === 0 ? null : (
            <a className="button button-secondary" href={pathname} onClick={(e) => (e.preventDefault(), setRetried(result), setRound(round + 1))}>
              {t("quiz.retry")}
            </a>
          )}
        </div>
      ) : null}
      {used > 0 ? (
        <p className="muted">
          {policy.attempts === null
            ? t("quiz.attempts", { count: used, best: state.bestScore ?? 0 })
            : t("quiz.attemptsOf", { count: used, allowed: policy.attempts, best: state.bestScore ?? 0 })}
        </p>
      ) : null}
      {left === 0 ? <p role="status">{t("quiz.noAttemptsLeft")}</p> : null}
      {nextAttemptAt ? <p role="status">{t("quiz.nextAttemptAt", { at: dateTime(nextAttemptAt) })}</p> : null}
    </section>
  );
}
