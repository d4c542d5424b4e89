import { describe, expect, test } from "vitest";
import { enqueue, queueableKey, replayUrl, settle, signsInOrOut, summary, toSend, type QueuedWrite } from "./queue.ts";

const origin = "https://lantoa.vn";
const key = "6c05be55-5360-4f49-848a-404e61a54c2d.done";
const write = (over: Partial<QueuedWrite> = {}): QueuedWrite => ({
  key,
  url: "/courses/a/b",
  contentType: "application/x-www-form-urlencoded",
  body: `intent=done&idempotencyKey=${key}`,
  userId: "lan",
  queuedAt: 1,
  state: "waiting",
  ...over,
});

describe("which posts may wait on the phone", () => {
  const form = (fields: Record<string, string>) => new URLSearchParams(fields);
  test("a form of this site carrying an idempotency key, by its key", () => {
    expect(queueableKey("POST", new URL("/courses/a/b.data", origin), origin, form({ intent: "done", idempotencyKey: key }))).toBe(key);
    // Attendance and any later form: only the key field matters, not the page.
    expect(queueableKey("POST", new URL("/classes/x", origin), origin, form({ idempotencyKey: "lop-12345678901234" }))).toBe("lop-12345678901234");
  });
  test("nothing without a key of the server's shape, from elsewhere, or not a post", () => {
    expect(queueableKey("POST", new URL("/login", origin), origin, form({ identifier: "x", password: "y" }))).toBeNull();
    expect(queueableKey("POST", new URL("/courses/a/b", origin), origin, form({ idempotencyKey: "short" }))).toBeNull();
    expect(queueableKey("POST", new URL("/courses/a/b", origin), origin, form({ idempotencyKey: "has spaces in it 1234" }))).toBeNull();
    expect(queueableKey("POST", new URL("/courses/a/b", "https://other.vn"), origin, form({ idempotencyKey: key }))).toBeNull();
    expect(queueableKey("GET", new URL("/courses/a/b", origin), origin, form({ idempotencyKey: key }))).toBeNull();
  });
});

test("a post to React Router's data address is replayed to its page, keeping the page's own query", () => {
  expect(replayUrl(new URL("/courses/a/b.data?_routes=routes%2Flearn%2Flesson", origin))).toBe("/courses/a/b");
  expect(replayUrl(new URL("/courses/a/b.data?scenario.moi=a%2Cb&_routes=root", origin))).toBe("/courses/a/b?scenario.moi=a%2Cb");
  expect(replayUrl(new URL("/_root.data?index", origin))).toBe("/?index=");
  expect(replayUrl(new URL("/courses/a/b?scenario.moi=a", origin))).toBe("/courses/a/b?scenario.moi=a");
});

test("pressing again offline is the same submission: one entry per key", () => {
  const first = enqueue([], write());
  expect(first).toEqual({ queue: [write()], added: true });
  const again = enqueue(first.queue, write({ queuedAt: 5 }));
  expect(again).toEqual({ queue: [write()], added: false });
  expect(enqueue(again.queue, write({ key: `${key}x` })).queue).toHaveLength(2);
});

describe("what is sent", () => {
  const queue = [write({ key: "k3-00000000000000", queuedAt: 3 }), write({ key: "k1-00000000000000", queuedAt: 1 }), write({ key: "k2-00000000000000", queuedAt: 2, userId: "hoa" }), write({ key: "k0-00000000000000", state: "refused" })];
  test("the waiting writes of the person signed in, oldest first", () => {
    expect(toSend(queue, "lan").map((w) => w.key)).toEqual(["k1-00000000000000", "k3-00000000000000"]);
    expect(toSend(queue, "hoa").map((w) => w.key)).toEqual(["k2-00000000000000"]);
  });
  test("nothing while nobody is signed in: a session that expired offline keeps the queue", () => {
    expect(toSend(queue, null)).toEqual([]);
  });
  test("the count she sees is hers", () => {
    expect(summary(queue, "lan")).toEqual({ waiting: 2, refused: 1 });
    expect(summary(queue, null)).toEqual({ waiting: 3, refused: 1 });
  });
});

describe("what an answer means", () => {
  test.each([
    [200, false, "sent"],
    [204, false, "sent"],
    [200, true, "signed-out"],
    [401, false, "signed-out"],
    [400, false, "refused"],
    [403, false, "refused"],
    [404, false, "refused"],
    [409, false, "refused"],
    [429, false, "retry"],
    [500, false, "retry"],
    [503, false, "retry"],
  ] as const)("%i (sign-in page: %s) → %s", (status, signInPage, expected) => {
    expect(settle({ status, signInPage })).toBe(expected);
  });
});

test("signing in or out is seen whether the form posts the page or React Router posts its .data", () => {
  // With JavaScript the sign-in form posts /login.data: missing it left the last person the owner of the next one's steps.
  for (const path of ["/login", "/login.data", "/logout", "/logout.data", "/login?redirectTo=%2Fcourses"]) expect(signsInOrOut(new URL(path, origin)), path).toBe(true);
  for (const path of ["/courses/a/b.data", "/account/password", "/login-help"]) expect(signsInOrOut(new URL(path, origin)), path).toBe(false);
});
