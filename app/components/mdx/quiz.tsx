import { useContext, useEffect, useRef, useState } from "react";
import { useActionData, useFetcher, useLocation } from "react-router";
import type { PublicQuiz, QuizResult } from "#app/courses/quiz.ts";
import { choiceTextId, type QuizText } from "#app/courses/quiz-words.ts";
import type { ShowAnswers } from "#app/courses/quiz-policy.ts";
import { useT, type CoreKey } from "#app/i18n/i18n.ts";
import { formKey, useLessonState } from "./lesson-context.tsx";
import { StaticHtmlContext } from "./static-html.tsx";
import { quizMessages } from "#app/i18n/vi/quiz.ts";

type QuizKey = CoreKey | keyof typeof quizMessages;
type QuizResponse = { intent: "quiz"; result?: QuizResult; error?: QuizKey; nextAttemptAt?: string | null; queued?: boolean };

const revealNotice: Record<ShowAnswers, QuizKey> = {
  "after-pass": "quiz.answersAfterPass",
  "after-last-attempt": "quiz.answersAfterLastAttempt",
  never: "quiz.answersNever",
};

const wordsByKey = new Map<string, QuizText>();

/**
 * A learner's page sends the quiz's words by key, since the document already shows them: the server
 * reads them from its registry, the browser from a fragment fetched on navigation or, when it hydrates
 * the document, from the document itself. The author's preview sends them along.
 */
function useQuizWords(text: PublicQuiz["text"]): QuizText {
  const lookup = useContext(StaticHtmlContext);
  if ("entries" in text) return text.entries;
  let words = wordsByKey.get(text.key);
  if (!words) {
    const json = lookup(text.key);
    words = json ? (JSON.parse(json) as QuizText) : shownWords(text.key);
    // A miss is not kept: the words may arrive with a later fetch.
    if (Object.keys(words).length > 0) wordsByKey.set(text.key, words);
  }
  return words;
}

function shownWords(key: string): QuizText {
  const shown = typeof document === "undefined" ? [] : document.querySelectorAll<HTMLElement>(`[data-quiz-words="${key}"] [data-words]`);
  return Object.fromEntries([...shown].map((element) => [element.dataset.words!, element.textContent ?? ""]));
}

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
  const words = useQuizWords(quiz?.text ?? { entries: {} });
  const result = response?.result && response.result !== retried ? response.result : null;
  // The submit button goes away with grading: focus moves to the score, not to the top of the page.
  const outcome = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (result) outcome.current?.focus();
  }, [result]);
  // Answered offline: the attempt waits on the phone and is graded when it reaches the server.
  const sent = Boolean(result) || response?.queued === true;
  if (!quiz) return null;
  const byQuestion = new Map(result?.results.map((r) => [r.questionId, r]));
  const answerOf = new Map(result?.answerKey?.map((a) => [a.questionId, a]));
  const { policy } = quiz;
  const { used, left, nextAttemptAt } = state.attempts;
  return (
    <section className="quiz" aria-label={t("quiz.title")} data-quiz-words={"key" in quiz.text ? quiz.text.key : undefined}>
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
                    <span data-words={question.id}>{words[question.id]}</span>
                    <span className="muted quiz-hint"> ({t(question.multiple ? "quiz.chooseMany" : "quiz.chooseOne")})</span>
                  </legend>
                  {question.choices.map((choice) => (
                    <label key={choice} className={`choice${answer?.correctChoiceIds.includes(choice) ? " choice-right" : ""}`}>
                      <input type={question.multiple ? "checkbox" : "radio"} name={`q:${question.id}`} value={choice} disabled={sent} />
                      <span data-words={choiceTextId(question.id, choice)}>{words[choiceTextId(question.id, choice)]}</span>
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
        {response?.queued ? <p role="status">{t("lesson.waitingSync")}</p> : null}
        {sent || left === 0 ? null : (
          <button type="submit" className="button" disabled={state.preview || fetcher.state !== "idle"}>
            {t("quiz.submit")}
          </button>
        )}
      </fetcher.Form>
      {/* Always in the page, so screen readers announce what comes into it. */}
      <div role="status">
        {result ? (
          <div className={result.passed ? "quiz-outcome passed" : "quiz-outcome failed"}>
          <p ref={outcome} tabIndex={-1}>
            <strong>{t("quiz.score", { score: result.score, passMark: state.passMark })}</strong> {t(result.passed ? "quiz.passed" : "quiz.failed")}
          </p>
          {left === 0 ? null : (
            <a className="button button-secondary" href={pathname} onClick={(e) => (e.preventDefault(), setRetried(result), setRound(round + 1))}>
              {t("quiz.retry")}
            </a>
          )}
          </div>
        ) : null}
      </div>
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
