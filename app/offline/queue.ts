/**
 * The offline queue's rules, without IndexedDB or the network so they can be tested: which posts may wait
 * on the phone, where a waiting one is sent again, what an answer means for it, and what the learner is
 * told. The service worker (sw.ts) keeps the entries in IndexedDB (queue-store.ts) and applies these.
 * ADR 018 explains the choices.
 */

/** The form field that names one submission; the server runs a write once per key (app/http/once.server.ts). */
export const keyField = "idempotencyKey";
const keyShape = /^[A-Za-z0-9_.:-]{16,128}$/;

export type QueuedWrite = {
  /** The submission's idempotency key: one entry per key. */
  key: string;
  /** Where it is sent again: the page address the form posted to (path and query). */
  url: string;
  contentType: string;
  body: string;
  /** Who made it: it is sent only while that person is signed in. */
  userId: string;
  queuedAt: number;
  /** "refused": the server answered that it will never take it (kept to tell the learner, until she sees it). */
  state: "waiting" | "refused";
};

/** A post can wait offline when it is a form of this site that carries an idempotency key. */
export function queueableKey(method: string, url: URL, origin: string, form: { get(name: string): unknown }): string | null {
  if (method !== "POST" || url.origin !== origin) return null;
  const key = form.get(keyField);
  return typeof key === "string" && keyShape.test(key) ? key : null;
}

/**
 * The page address a post is replayed to. React Router posts a page's action to `<page>.data` (the root's is
 * `/_root.data`) and says which loaders to run in `_routes`; the replay is a plain form post to the page, whose
 * answer (a status, a redirect to sign in) is the same for every form of the site.
 */
export function replayUrl(url: URL): string {
  const target = new URL(url);
  target.searchParams.delete("_routes");
  if (target.pathname === "/_root.data") target.pathname = "/";
  else if (target.pathname.endsWith(".data")) target.pathname = target.pathname.slice(0, -".data".length);
  return target.pathname + target.search;
}

/**
 * Whether a post signs someone in or out, after which the worker asks who is signed in: `/login` and `/logout`
 * as a plain form posts them, and as `….data`, the way React Router posts them when JavaScript runs.
 */
export const signsInOrOut = (url: URL) => ["/login", "/logout"].includes(url.pathname.replace(/\.data$/, ""));

/** Adds a write unless its key already waits: pressing again offline is the same submission, sent once. */
export function enqueue(queue: readonly QueuedWrite[], write: QueuedWrite): { queue: QueuedWrite[]; added: boolean } {
  if (queue.some((w) => w.key === write.key)) return { queue: [...queue], added: false };
  return { queue: [...queue, write], added: true };
}

/** What to send now, oldest first: waiting writes of the person signed in; anyone else's stay on the phone. */
export function toSend(queue: readonly QueuedWrite[], signedInUserId: string | null): QueuedWrite[] {
  if (signedInUserId === null) return [];
  return queue.filter((w) => w.state === "waiting" && w.userId === signedInUserId).sort((a, b) => a.queuedAt - b.queuedAt);
}

export type Settlement = "sent" | "refused" | "retry" | "signed-out";

/**
 * What a replay's answer means. A success (also the stored first outcome of a key sent before whose answer was
 * lost) is done. Being sent to sign in means the session ended: keep it for when she signs in again. Refusals the
 * same post would get again (bad input, a locked lesson, a key of another intent, no attempts left) are final;
 * server errors and throttling are tried again later.
 */
export function settle(answer: { status: number; signInPage: boolean }): Settlement {
  if (answer.signInPage || answer.status === 401) return "signed-out";
  if (answer.status >= 200 && answer.status < 300) return "sent";
  if (answer.status === 408 || answer.status === 429 || answer.status >= 500) return "retry";
  return "refused";
}

/** The queue as the learner sees it: her steps still waiting, and those the server turned down. */
export function summary(queue: readonly QueuedWrite[], userId: string | null) {
  const mine = queue.filter((w) => userId === null || w.userId === userId);
  return { waiting: mine.filter((w) => w.state === "waiting").length, refused: mine.filter((w) => w.state === "refused").length };
}
