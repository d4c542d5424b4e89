import { describe, expect, test } from "vitest";
import { attemptRefusal, defaultQuizPolicy, mayShowAnswers, parseQuizPolicy, quizStanding, type QuizPolicy } from "./quiz-policy.ts";

const minute = 60_000;
const t0 = new Date("2026-03-08T02:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * minute);
const limited: QuizPolicy = { attempts: 3, waitMinutes: 10, showAnswers: "after-pass" };

describe("parseQuizPolicy", () => {
  test("no props: unlimited attempts, no waiting, answers after passing", () => {
    expect(parseQuizPolicy({})).toEqual({ policy: { attempts: null, waitMinutes: 0, showAnswers: "after-pass" }, problems: [] });
    expect(defaultQuizPolicy).toEqual(parseQuizPolicy({}).policy);
  });

  test("reads the literal string props", () => {
    expect(parseQuizPolicy({ attempts: "3", waitMinutes: "10", showAnswers: "after-last-attempt" }).policy).toEqual({ attempts: 3, waitMinutes: 10, showAnswers: "after-last-attempt" });
    expect(parseQuizPolicy({ attempts: "unlimited", showAnswers: "never" }).policy).toEqual({ attempts: null, waitMinutes: 0, showAnswers: "never" });
  });

  test("each bad value is reported with the prop and the value", () => {
    for (const [props, named] of [
      [{ attempts: "0" }, 'attempts="0"'],
      [{ attempts: "ba" }, 'attempts="ba"'],
      [{ attempts: "2.5" }, 'attempts="2.5"'],
      [{ attempts: "" }, 'attempts=""'],
      [{ waitMinutes: "-5" }, 'waitMinutes="-5"'],
      [{ waitMinutes: "99999" }, 'waitMinutes="99999"'],
      [{ showAnswers: "always" }, 'showAnswers="always"'],
    ] as const) {
      const { problems } = parseQuizPolicy(props);
      expect(problems, named).toHaveLength(1);
      expect(problems[0]).toContain(named);
    }
  });

  test("answers after the last attempt need a number of attempts", () => {
    expect(parseQuizPolicy({ showAnswers: "after-last-attempt" }).problems).toEqual([expect.stringContaining("attempts")]);
  });
});

describe("quizStanding and attemptRefusal", () => {
  test("no attempt yet: the first may start at once", () => {
    const standing = quizStanding(limited, { attempts: 0, lastAttemptAt: null }, t0);
    expect(standing).toEqual({ used: 0, left: 3, nextAttemptAt: null });
    expect(attemptRefusal(standing)).toBeNull();
  });

  test("the waiting time runs from the last attempt: one millisecond early is refused, on time is allowed", () => {
    const history = { attempts: 1, lastAttemptAt: t0 };
    const early = quizStanding(limited, history, new Date(at(10).getTime() - 1));
    expect(early).toEqual({ used: 1, left: 2, nextAttemptAt: at(10) });
    expect(attemptRefusal(early)).toEqual({ error: "quiz.tooSoon", nextAttemptAt: at(10) });
    expect(attemptRefusal(quizStanding(limited, history, at(10)))).toBeNull();
  });

  test("once every attempt is used, no waiting is announced and every later try is refused", () => {
    const spent = quizStanding(limited, { attempts: 3, lastAttemptAt: t0 }, at(1));
    expect(spent).toEqual({ used: 3, left: 0, nextAttemptAt: null });
    expect(attemptRefusal(spent)).toEqual({ error: "quiz.noAttemptsLeft" });
    expect(attemptRefusal(quizStanding(limited, { attempts: 3, lastAttemptAt: t0 }, at(60 * 24 * 365)))).toEqual({ error: "quiz.noAttemptsLeft" });
  });

  test("unlimited attempts without waiting are never refused", () => {
    const standing = quizStanding(defaultQuizPolicy, { attempts: 500, lastAttemptAt: t0 }, t0);
    expect(standing).toEqual({ used: 500, left: null, nextAttemptAt: null });
    expect(attemptRefusal(standing)).toBeNull();
  });
});

describe("mayShowAnswers", () => {
  test("after-pass: only once passed", () => {
    expect(mayShowAnswers(limited, { passed: false, left: 0 })).toBe(false);
    expect(mayShowAnswers(limited, { passed: true, left: 2 })).toBe(true);
  });

  test("after-last-attempt: only when no attempt is left, passed or not", () => {
    const policy: QuizPolicy = { ...limited, showAnswers: "after-last-attempt" };
    expect(mayShowAnswers(policy, { passed: true, left: 1 })).toBe(false);
    expect(mayShowAnswers(policy, { passed: false, left: 0 })).toBe(true);
    expect(mayShowAnswers(policy, { passed: true, left: 0 })).toBe(true);
  });

  test("never: not even after passing on the last attempt", () => {
    expect(mayShowAnswers({ ...limited, showAnswers: "never" }, { passed: true, left: 0 })).toBe(false);
  });
});
