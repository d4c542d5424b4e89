// Learners writing through real HTTP form posts, each with an idempotency key, as the lesson page's
// forms send them; and the check that what the server acknowledged is in the database, once.
import { newIdempotencyKey } from "#app/http/idempotency-key.ts";
import type { Db } from "#app/db.server.ts";
import { learnerPassword, type Learner } from "./learners.ts";

export const coursePath = "/courses/van-dong-tap-hop-hoi-vien";

export interface Write {
  userId: string;
  intent: "done" | "quiz";
  path: string;
  body: string;
  key: string;
  /** The HTTP status, once answered; a write never answered has none. */
  status?: number;
  ms?: number;
  failure?: string;
}

export interface Plan {
  lessons: string[];
  quizPath: string;
  quizFields: [string, string][];
}

export async function signIn(origin: string, identifier: string): Promise<string> {
  const response = await fetch(`${origin}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { origin },
    body: new URLSearchParams({ identifier, password: learnerPassword }),
  });
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.startsWith("lantoa_session=") && c.length > "lantoa_session=".length);
  if (response.status !== 302 || !cookie) throw new Error(`sign-in of ${identifier} failed: ${response.status}`);
  return cookie;
}

/** Signs everyone in, a few at a time: each sign-in is an argon2 verification on the server. */
export async function signInAll(origin: string, learners: Learner[], parallel = 8) {
  const cookies = new Map<string, string>();
  const queue = [...learners];
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      for (let learner = queue.shift(); learner; learner = queue.shift()) cookies.set(learner.userId, await signIn(origin, learner.identifier));
    }),
  );
  return cookies;
}

/** The course's lessons in order, and one answer to each quiz question, read from the pages as a browser would. */
export async function readPlan(origin: string, cookie: string): Promise<Plan> {
  const page = async (path: string) => (await fetch(`${origin}${path}`, { headers: { cookie } })).text();
  const lessons = [...new Set([...(await page(coursePath)).matchAll(new RegExp(`href="(${coursePath}/[a-z0-9-]+)"`, "g"))].map((m) => m[1]!))];
  for (const path of lessons) {
    const html = await page(path);
    if (!html.includes('name="intent" value="quiz"')) continue;
    const answers = new Map<string, string>();
    for (const m of html.matchAll(/name="(q:[^"]+)" value="([^"]+)"/g)) if (!answers.has(m[1]!)) answers.set(m[1]!, m[2]!);
    return { lessons, quizPath: path, quizFields: [...answers] };
  }
  throw new Error(`no quiz found in ${coursePath}`);
}

/** One form post, as React Router's fetcher sends it (to the route's .data URL). */
export async function send(origin: string, cookie: string, write: Write) {
  const started = performance.now();
  try {
    const response = await fetch(`${origin}${write.path}.data`, {
      method: "POST",
      redirect: "manual",
      headers: { cookie, origin, "content-type": "application/x-www-form-urlencoded" },
      body: write.body,
    });
    await response.arrayBuffer();
    write.status = response.status;
  } catch (error) {
    write.failure = error instanceof Error ? `${error.message}${error.cause ? `: ${String(error.cause)}` : ""}` : String(error);
  }
  write.ms = performance.now() - started;
  return write;
}

export function newWrite(userId: string, intent: Write["intent"], path: string, fields: [string, string][]): Write {
  const key = newIdempotencyKey();
  const body = new URLSearchParams([["intent", intent], ...fields, ["idempotencyKey", key]]).toString();
  return { userId, intent, path, body, key };
}

export const acknowledged = (w: Write) => w.status !== undefined && w.status >= 200 && w.status < 400;

/**
 * Each learner walks the course in order, marking every lesson done round after round until `running()`
 * says stop, and sends the quiz the first time she reaches its lesson: the shipped quiz allows the next
 * attempt ten minutes later (its policy), so a second one would only measure refusals. Every write is in `writes` from the moment it
 * is sent, so the caller knows which were in flight.
 */
export async function write(origin: string, cookies: Map<string, string>, plan: Plan, running: () => boolean, writes: Write[]) {
  await Promise.all(
    [...cookies].map(async ([userId, cookie], index) => {
      // Learners start at different lessons, so quizzes are sent from the first seconds on.
      let quizSent = false;
      for (let step = index; running(); step++) {
        const path = plan.lessons[step % plan.lessons.length]!;
        const next = newWrite(userId, "done", path, []);
        writes.push(next);
        await send(origin, cookie, next);
        if (!acknowledged(next)) return;
        if (path !== plan.quizPath || quizSent || !running()) continue;
        quizSent = true;
        const quiz = newWrite(userId, "quiz", path, plan.quizFields);
        writes.push(quiz);
        await send(origin, cookie, quiz);
        if (!acknowledged(quiz)) return;
      }
    }),
  );
}

export interface Check {
  acknowledged: number;
  /** Acknowledged writes whose effect is not in the database. */
  lost: number;
  /** Quiz attempts beyond one per stored key. */
  duplicated: number;
}

/**
 * Every acknowledged write must have its key stored for its learner and intent (it is stored in the
 * write's own transaction), and each learner must have exactly one quiz attempt per stored quiz key.
 */
export async function check(db: Db, writes: Write[]): Promise<Check> {
  const userIds = [...new Set(writes.map((w) => w.userId))];
  const stored = await db.idempotencyKey.findMany({ where: { userId: { in: userIds } }, select: { key: true, userId: true, intent: true } });
  const storedKeys = new Map(stored.map((s) => [s.key, s]));
  const ok = writes.filter(acknowledged);
  let lost = ok.filter((w) => storedKeys.get(w.key)?.userId !== w.userId || storedKeys.get(w.key)?.intent !== w.intent).length;
  const attempts = await db.quizAttempt.groupBy({ by: ["enrollmentId"], where: { enrollment: { userId: { in: userIds } } }, _count: { _all: true } });
  const enrollments = await db.enrollment.findMany({ where: { userId: { in: userIds } }, select: { id: true, userId: true } });
  const userOf = new Map(enrollments.map((e) => [e.id, e.userId]));
  const attemptsBy = new Map<string, number>();
  for (const a of attempts) attemptsBy.set(userOf.get(a.enrollmentId)!, (attemptsBy.get(userOf.get(a.enrollmentId)!) ?? 0) + a._count._all);
  let duplicated = 0;
  for (const userId of userIds) {
    const keys = stored.filter((s) => s.userId === userId && s.intent === "quiz").length;
    const counted = attemptsBy.get(userId) ?? 0;
    if (counted > keys) duplicated += counted - keys;
    else lost += keys - counted;
  }
  return { acknowledged: ok.length, lost, duplicated };
}

export function percentile(values: number[], p: number) {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
