import { beforeAll, describe, expect, test } from "vitest";
import {
  clearedSessionCookie,
  createSession,
  generateSessionToken,
  invalidateSession,
  readSessionToken,
  sessionCookie,
  sessionCookieName,
  sessionIdFromToken,
  settleSession,
  slideExpiry,
} from "#app/auth/session.server.ts";
import { loadCurrentUser } from "#app/auth/auth.server.ts";
import { db } from "#app/db.server.ts";
import { createLearner } from "#tests/unit/people.ts";

const policy = { lifetimeDays: 30 };
const day = 24 * 60 * 60 * 1000;
let userId: string;

beforeAll(async () => {
  ({ userId } = await createLearner(db));
});

const signedInAs = (token: string) => loadCurrentUser(new Request("http://localhost/", { headers: { Cookie: `${sessionCookieName}=${token}` } }));

async function newSession() {
  const token = generateSessionToken();
  const session = await createSession(db, token, userId, policy);
  return { token, session };
}

describe("session storage", () => {
  test("the stored id is the SHA-256 hex of the token, never the token itself", async () => {
    const { token, session } = await newSession();
    expect(session.id).toMatch(/^[0-9a-f]{64}$/);
    expect(session.id).not.toBe(token);
    expect(session.id).toBe(sessionIdFromToken(token));
    expect(await db.session.count({ where: { id: token } })).toBe(0);
  });

  test("a fresh token signs its user in without re-issuing the cookie", async () => {
    const { token, session } = await newSession();
    expect(await signedInAs(token)).toMatchObject({ id: userId, sessionId: session.id, refreshedCookie: null });
  });

  test("an unknown token signs nobody in", async () => {
    expect(await signedInAs(generateSessionToken())).toBeNull();
  });

  test("an expired session is dropped and its row deleted", async () => {
    const { session } = await newSession();
    const afterExpiry = new Date(session.expiresAt.getTime() + 1);
    expect(await settleSession(db, session, policy, afterExpiry)).toBeNull();
    expect(await db.session.findUnique({ where: { id: session.id } })).toBeNull();
  });

  test("a session used in the first half of its life keeps its expiry", async () => {
    const { session } = await newSession();
    const now = new Date(session.expiresAt.getTime() - 16 * day);
    const result = await settleSession(db, session, policy, now);
    expect(result).toMatchObject({ extended: false, expiresAt: session.expiresAt });
    expect((await db.session.findUniqueOrThrow({ where: { id: session.id } })).expiresAt).toEqual(session.expiresAt);
  });

  test("a session used in the second half of its life is extended to a full lifetime from now", async () => {
    const { session } = await newSession();
    const now = new Date(session.expiresAt.getTime() - 14 * day);
    const result = await settleSession(db, session, policy, now);
    const renewed = new Date(now.getTime() + 30 * day);
    expect(result).toMatchObject({ extended: true, expiresAt: renewed });
    expect((await db.session.findUniqueOrThrow({ where: { id: session.id } })).expiresAt).toEqual(renewed);
  });

  test("an invalidated session signs nobody in", async () => {
    const { token, session } = await newSession();
    await invalidateSession(db, session.id);
    expect(await signedInAs(token)).toBeNull();
  });
});

describe("session cookie", () => {
  const expires = new Date("2030-01-01T00:00:00Z");

  test("is HttpOnly, SameSite=Lax, Path=/ and not Secure over plain http", () => {
    const cookie = sessionCookie(new Request("http://localhost/login"), "abc234", expires);
    const attributes = cookie.split("; ");
    expect(attributes).toEqual(expect.arrayContaining(["lantoa_session=abc234", "HttpOnly", "SameSite=Lax", "Path=/", `Expires=${expires.toUTCString()}`]));
    expect(attributes).not.toContain("Secure");
  });

  // Behind a proxy named by TRUST_PROXY the server builds request.url from X-Forwarded-Proto (server.mjs);
  // the header itself is anyone's to send.
  test("is Secure when the request's URL is https, whatever X-Forwarded-Proto says", () => {
    const direct = sessionCookie(new Request("https://lantoa.vn/login"), "abc234", expires);
    const claimed = sessionCookie(new Request("http://app:3000/login", { headers: { "X-Forwarded-Proto": "https" } }), "abc234", expires);
    expect(direct.split("; ")).toContain("Secure");
    expect(claimed.split("; ")).not.toContain("Secure");
  });

  test("the cleared cookie empties the value with Max-Age=0 and the same attributes", () => {
    const cookie = clearedSessionCookie(new Request("https://lantoa.vn/logout"));
    expect(cookie.split("; ")).toEqual(["lantoa_session=", "HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=0", "Secure"]);
  });

  test("the token is read back from a Cookie header among other cookies", () => {
    const token = generateSessionToken();
    const request = new Request("http://localhost/", { headers: { Cookie: `theme=dark; lantoa_session=${token}; lang=vi` } });
    expect(readSessionToken(request)).toBe(token);
    expect(readSessionToken(new Request("http://localhost/", { headers: { Cookie: `xlantoa_session=${token}` } }))).toBeNull();
  });
});

test("a session ends at its expiry instant, and one with exactly half its life left is kept as it is", () => {
  const now = new Date("2026-06-01T00:00:00Z");
  const policy = { lifetimeDays: 30 };
  expect(slideExpiry(now, policy, now)).toBe("expired");
  expect(slideExpiry(new Date(now.getTime() + 15 * 86_400_000), policy, now)).toBe("keep");
  expect(slideExpiry(new Date(now.getTime() + 15 * 86_400_000 - 1), policy, now)).toEqual(new Date(now.getTime() + 30 * 86_400_000));
});

test("ending one session, by sign-out or by expiry, leaves the person's other sessions alone", async () => {
  const { userId } = await createLearner(db);
  const [kept, signedOut, expired] = await Promise.all([0, 1, 2].map(() => createSession(db, generateSessionToken(), userId, { lifetimeDays: 30 })));
  await invalidateSession(db, signedOut!.id);
  expect(await settleSession(db, { id: expired!.id, expiresAt: new Date(Date.now() - 1) }, { lifetimeDays: 30 })).toBeNull();
  expect((await db.session.findMany({ where: { userId }, select: { id: true } })).map((s) => s.id)).toEqual([kept!.id]);
});
