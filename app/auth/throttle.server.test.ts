import { expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { claimAttempt, waitAfter } from "./throttle.server.ts";

test("five failures are free, then the wait doubles from 30 seconds up to 15 minutes", () => {
  expect([4, 5, 6, 7, 9, 10, 50].map((n) => waitAfter("sign-in-account", n) / 1000)).toEqual([0, 30, 60, 120, 480, 900, 900]);
});

test("once the wait is over one more attempt is let through, and its failure doubles the wait", async () => {
  const fail = async (at: Date) => {
    const attempt = await claimAttempt(db, "sign-in-account", "cho-doi", at);
    if (!attempt.allowed) return attempt.retryAt;
    await attempt.failed();
    return null;
  };
  for (let i = 0; i < 5; i++) expect(await fail(new Date())).toBeNull();
  const retryAt = await fail(new Date());
  expect(retryAt!.getTime() - Date.now()).toBeGreaterThan(25_000);
  expect(await fail(new Date(retryAt!.getTime() + 1))).toBeNull();
  const next = await fail(new Date(retryAt!.getTime() + 2));
  expect(next!.getTime() - Date.now()).toBeGreaterThan(55_000);
});

test("a day without attempts forgets the failures", async () => {
  for (let i = 0; i < 5; i++) {
    const attempt = await claimAttempt(db, "sign-in-account", "quen", new Date());
    if (attempt.allowed) await attempt.failed();
  }
  expect((await claimAttempt(db, "sign-in-account", "quen", new Date())).allowed).toBe(false);
  expect((await claimAttempt(db, "sign-in-account", "quen", new Date(Date.now() + 25 * 3600_000))).allowed).toBe(true);
});
