import { z } from "zod";
import type { Db, DbTx } from "#app/db.server.ts";

export type Outcome = { status: number; body: Record<string, unknown> };

// The forms send a UUID; the offline sync may send ids of its own making, so any opaque id of this shape.
const idempotencyKey = z.string().regex(/^[A-Za-z0-9_.:-]{16,128}$/);

class Unstored {
  constructor(readonly outcome: Outcome) {}
}

async function replay(db: Db, userId: string, key: string, intent: string): Promise<Outcome | null> {
  const stored = await db.idempotencyKey.findUnique({ where: { key }, select: { userId: true, intent: true, status: true, response: true } });
  if (!stored) return null;
  // A key is one request of one person: never answer with someone else's outcome or for another intent.
  if (stored.userId !== userId || stored.intent !== intent) return { status: 409, body: { intent, error: "error.409" } };
  return { status: stored.status, body: JSON.parse(stored.response) as Outcome["body"] };
}

/**
 * Runs a write at most once per idempotency key, so a request sent again (a retry after a lost
 * response, an offline queue replayed) never counts twice: the key and the outcome are stored in the
 * write's own transaction, and a replay gets the first outcome back. Only successes are kept, so a
 * form refused for bad input can be corrected and sent with the same key. Without a key, `run` runs.
 */
export async function once(db: Db, userId: string, key: unknown, intent: string, run: (tx: DbTx) => Promise<Outcome>): Promise<Outcome> {
  if (key === null || key === undefined) return run(db);
  const parsed = idempotencyKey.safeParse(key);
  if (!parsed.success) return { status: 400, body: { intent, error: "error.400" } };
  const first = await replay(db, userId, parsed.data, intent);
  if (first) return first;
  try {
    return await db.$transaction(async (tx) => {
      const outcome = await run(tx);
      if (outcome.status < 200 || outcome.status >= 300) throw new Unstored(outcome);
      await tx.idempotencyKey.create({ data: { key: parsed.data, userId, intent, status: outcome.status, response: JSON.stringify(outcome.body) } });
      return outcome;
    });
  } catch (error) {
    // Refused, maybe because the first request with this key committed meanwhile (a double click, a replay racing
    // it) and left nothing to do: its outcome is the answer, not this refusal.
    if (error instanceof Unstored) return (await replay(db, userId, parsed.data, intent)) ?? error.outcome;
    // The same key committed meanwhile (on PostgreSQL, concurrent requests): ours was rolled back whole.
    if ((error as { code?: string }).code === "P2002") {
      const winner = await replay(db, userId, parsed.data, intent);
      if (winner) return winner;
    }
    throw error;
  }
}
