import type { Db } from "#app/db.server.ts";

export type ThrottleKind = "sign-in-account" | "sign-in-address" | "verify-address" | "password-change";

// A commune office shares one connection among many people, so an address gets more free failures than an account.
const freeFailures: Record<ThrottleKind, number> = { "sign-in-account": 5, "sign-in-address": 20, "verify-address": 20, "password-change": 5 };
const firstWaitMs = 30_000;
const longestWaitMs = 15 * 60_000;
const forgetAfterMs = 24 * 60 * 60_000;

/** The wait after `failures` failures in a row: none while free, then doubling from 30 s up to 15 min. */
export function waitAfter(kind: ThrottleKind, failures: number) {
  const over = failures - freeFailures[kind];
  return over < 0 ? 0 : Math.min(longestWaitMs, firstWaitMs * 2 ** over);
}

/** Whole minutes until retryAt, at least one: what a refused person is told. */
export function minutesUntil(retryAt: Date) {
  return Math.max(1, Math.ceil((retryAt.getTime() - Date.now()) / 60_000));
}

export type Attempt = { allowed: true; failed(): Promise<void>; passed(): Promise<void> } | { allowed: false; retryAt: Date };

/**
 * Claims one attempt for a key before the costly or guessable check runs. The claim is one conditional
 * UPDATE, so parallel attempts (from any process) cannot all slip through while the first is still
 * being checked: past the free failures, a claim holds the door shut until its outcome is known.
 */
export async function claimAttempt(db: Db, kind: ThrottleKind, key: string, now = new Date()): Promise<Attempt> {
  await db.throttle.deleteMany({ where: { updatedAt: { lt: new Date(now.getTime() - forgetAfterMs) } } });
  await db.throttle.create({ data: { kind, key, nextAt: now } }).catch((error: unknown) => {
    if ((error as { code?: string }).code !== "P2002") throw error; // the row exists already
  });
  const where = { kind_key: { kind, key } };
  const { count } = await db.throttle.updateMany({
    where: { kind, key, OR: [{ failures: { lt: freeFailures[kind] } }, { nextAt: { lte: now } }] },
    data: { failures: { increment: 1 }, nextAt: new Date(now.getTime() + longestWaitMs) },
  });
  if (count === 0) {
    const row = await db.throttle.findUnique({ where, select: { nextAt: true } });
    return { allowed: false, retryAt: row?.nextAt ?? now };
  }
  return {
    allowed: true,
    async failed() {
      const row = await db.throttle.findUnique({ where, select: { failures: true } });
      await db.throttle.update({ where, data: { nextAt: new Date(Date.now() + waitAfter(kind, row?.failures ?? 0)) } });
    },
    /** Not a failure: an account starts afresh; an address only gets its attempt back, so one good account does not reset a guesser's count for the others. */
    async passed() {
      if (kind === "sign-in-account") await db.throttle.delete({ where });
      else await db.throttle.update({ where, data: { failures: { decrement: 1 }, nextAt: new Date() } });
    },
  };
}
