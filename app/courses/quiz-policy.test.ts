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

  test("attempts: whole numbers from 1 to 100, or unlimited", () => {
    for (const [value, attempts] of [["1", 1], ["100", 100], ["007", 7], ["unlimited", null]] as const)
      expect(parseQuizPolicy({ attempts: value }), value).toEqual({ policy: { ...defaultQuizPolicy, attempts }, problems: [] });
  });

  test("waitMinutes: whole minutes from 0 to 43200 (30 days)", () => {
    for (const [value, waitMinutes] of [["0", 0], ["1", 1], ["43200", 43_200]] as const)
      expect(parseQuizPolicy({ waitMinutes: value }), value).toEqual({ policy: { ...defaultQuizPolicy, waitMinutes }, problems: [] });
  });

  test("a value out of range, or not written as plain digits, is refused with what the trainer must write", () => {
    const attempts = 'phải là số lần từ 1 đến 100, hoặc "unlimited"';
    const waitMinutes = "phải là số phút từ 0 đến 43200 (30 ngày)";
    // Number() would accept most of these ("1e3", " 5", "0x10", ""): only plain digits are a number of attempts or minutes.
    for (const value of ["0", "101", "1a", "a1", " 5", "5 ", "+5", "5.0", "1e3", "0x10", "1234567", "Unlimited", ""])
      expect(parseQuizPolicy({ attempts: value }), value).toEqual({ policy: defaultQuizPolicy, problems: [`<Quiz attempts="${value}">: ${attempts}`] });
    for (const value of ["-1", "43201", "1234567", "1a", " 5", "5 ", "1e3", "", "unlimited"])
      expect(parseQuizPolicy({ waitMinutes: value }), value).toEqual({ policy: defaultQuizPolicy, problems: [`<Quiz waitMinutes="${value}">: ${waitMinutes}`] });
  });

  test("a wrong showAnswers lists the modes a trainer may choose", () => {
    expect(parseQuizPolicy({ showAnswers: "always" }).problems).toEqual(['<Quiz showAnswers="always">: phải là một trong: after-pass, after-last-attempt, never']);
  });

  test("one bad value sets the whole policy back to the default, and every bad value is reported", () => {
    expect(parseQuizPolicy({ attempts: "3", waitMinutes: "x", showAnswers: "y" })).toEqual({
      policy: { attempts: null, waitMinutes: 0, showAnswers: "after-pass" },
      problems: ['<Quiz waitMinutes="x">: phải là số phút từ 0 đến 43200 (30 ngày)', '<Quiz showAnswers="y">: phải là một trong: after-pass, after-last-attempt, never'],
    });
  });

  test("answers after the last attempt need a number of attempts", () => {
    expect(parseQuizPolicy({ showAnswers: "after-last-attempt" })).toEqual({
      policy: { attempts: null, waitMinutes: 0, showAnswers: "after-last-attempt" },
      problems: ['<Quiz showAnswers="after-last-attempt"> cần attempts là một số: không giới hạn số lần thì không có lần cuối'],
    });
    expect(parseQuizPolicy({ showAnswers: "after-last-attempt", attempts: "unlimited" }).problems).toHaveLength(1);
    // With a number of attempts there is a last one: nothing to report, nor for the other modes without one.
    expect(parseQuizPolicy({ showAnswers: "after-last-attempt", attempts: "3" }).problems).toEqual([]);
    expect(parseQuizPolicy({ showAnswers: "never" }).problems).toEqual([]);
    expect(parseQuizPolicy({ showAnswers: "after-pass", attempts: "2" }).problems).toEqual([]);
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

  test("without a waiting time, an attempt recorded a moment ahead of this server's clock does not hold the next one back", () => {
    // lastAttemptAt comes from the database; its clock may run a little ahead of the app's.
    const noWait: QuizPolicy = { ...limited, waitMinutes: 0 };
    const standing = quizStanding(noWait, { attempts: 1, lastAttemptAt: at(1) }, t0);
    expect(standing).toEqual({ used: 1, left: 2, nextAttemptAt: null });
    expect(attemptRefusal(standing)).toBeNull();
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
