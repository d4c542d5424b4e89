import { expect, test } from "vitest";
import { checkCopyAnswer, copyAnswer, Refused } from "./stored-copies.ts";

test("only a refusal takes a copy off the phone; a server error, throttling or being sent to sign in keeps it", () => {
  const at = (status: number, redirected = false) => copyAnswer({ status, redirected });
  expect([200, 204].map((s) => at(s))).toEqual(["ok", "ok"]);
  expect([403, 404].map((s) => at(s))).toEqual(["refused", "refused"]);
  expect([400, 401, 408, 429, 500, 502, 503].map((s) => at(s))).toEqual(Array(7).fill("failed"));
  // Signed out: fetch followed the redirect to the sign-in page, which answers 200.
  expect(at(200, true)).toBe("failed");
});

test("a refused answer throws a Refused, a failed one a plain error, naming the address", () => {
  expect(() => checkCopyAnswer({ status: 200, redirected: false }, "/classes?unit=u1")).not.toThrow();
  expect(() => checkCopyAnswer({ status: 404, redirected: false }, "/classes?unit=u1")).toThrow(Refused);
  expect(() => checkCopyAnswer({ status: 404, redirected: false }, "/classes?unit=u1")).toThrow("/classes?unit=u1: 404");
  for (const answer of [{ status: 503, redirected: false }, { status: 200, redirected: true }]) {
    expect(() => checkCopyAnswer(answer, "/offline/courses/a")).toThrow(Error);
    expect(() => checkCopyAnswer(answer, "/offline/courses/a")).not.toThrow(Refused);
  }
});
