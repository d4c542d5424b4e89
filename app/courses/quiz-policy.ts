import { z } from "zod";

export const showAnswersModes = ["after-pass", "after-last-attempt", "never"] as const;
export type ShowAnswers = (typeof showAnswersModes)[number];

/** The settings LMS users know from Moodle and Canvas: how many attempts, how far apart, when the key shows. */
export type QuizPolicy = { attempts: number | null; waitMinutes: number; showAnswers: ShowAnswers };

/** What a `<Quiz>` without settings gets: retries as often as wanted, answers only once passed. */
export const defaultQuizPolicy: QuizPolicy = { attempts: null, waitMinutes: 0, showAnswers: "after-pass" };

const wholeNumber = (min: number, max: number, message: string) =>
  z
    .string()
    .regex(/^\d{1,6}$/, message)
    .transform(Number)
    .pipe(z.number().min(min, message).max(max, message));

const attemptsMessage = 'phải là số lần từ 1 đến 100, hoặc "unlimited"';
// MDX props are literal strings; what a course author reads when a value is wrong.
const policyProps = z.object({
  attempts: z.union([z.literal("unlimited").transform(() => null), wholeNumber(1, 100, attemptsMessage)], attemptsMessage).default(null),
  waitMinutes: wholeNumber(0, 43_200, "phải là số phút từ 0 đến 43200 (30 ngày)").default(0),
  showAnswers: z.enum(showAnswersModes, `phải là một trong: ${showAnswersModes.join(", ")}`).default("after-pass"),
});

export type QuizPolicyProps = Partial<Record<keyof QuizPolicy, string>>;

/** Reads the policy from `<Quiz attempts waitMinutes showAnswers>`; a bad value falls back to the default and is reported. */
export function parseQuizPolicy(props: QuizPolicyProps): { policy: QuizPolicy; problems: string[] } {
  const parsed = policyProps.safeParse(props);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `<Quiz ${issue.path.join(".")}="${props[issue.path[0] as keyof QuizPolicy] ?? ""}">: ${issue.message}`);
    return { policy: defaultQuizPolicy, problems };
  }
  const policy = parsed.data;
  const problems =
    policy.showAnswers === "after-last-attempt" && policy.attempts === null
      ? ['<Quiz showAnswers="after-last-attempt"> cần attempts là một số: không giới hạn số lần thì không có lần cuối']
      : [];
  return { policy, problems };
}

/** The attempts that count: those of the current round (a re-certification starts a new one). */
export type AttemptHistory = { attempts: number; lastAttemptAt: Date | null };

export type QuizStanding = {
  used: number;
  /** null: unlimited. */
  left: number | null;
  /** When the waiting time after the last attempt ends, if it has not yet. */
  nextAttemptAt: Date | null;
};

export function quizStanding(policy: QuizPolicy, history: AttemptHistory, now: Date): QuizStanding {
  const left = policy.attempts === null ? null : Math.max(0, policy.attempts - history.attempts);
  const waitEnds = history.lastAttemptAt && policy.waitMinutes > 0 ? new Date(history.lastAttemptAt.getTime() + policy.waitMinutes * 60_000) : null;
  return { used: history.attempts, left, nextAttemptAt: left !== 0 && waitEnds && waitEnds > now ? waitEnds : null };
}

export type QuizRefusal = { error: "quiz.noAttemptsLeft"; nextAttemptAt?: undefined } | { error: "quiz.tooSoon"; nextAttemptAt: Date };

/** Why a new attempt may not be taken now, or null when it may. */
export function attemptRefusal(standing: QuizStanding): QuizRefusal | null {
  if (standing.left === 0) return { error: "quiz.noAttemptsLeft" };
  if (standing.nextAttemptAt) return { error: "quiz.tooSoon", nextAttemptAt: standing.nextAttemptAt };
  return null;
}

/** Whether the answer key and explanations may be shown, judged after the attempt just taken. */
export function mayShowAnswers(policy: QuizPolicy, after: { passed: boolean; left: number | null }) {
  switch (policy.showAnswers) {
    case "after-pass":
      return after.passed;
    case "after-last-attempt":
      return after.left === 0;
    case "never":
      return false;
  }
}
