import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import type { Db } from "#app/db.server.ts";

// Lucia's session recipe (lucia-auth.com/sessions/basic): the cookie holds a random token,
// the database only its SHA-256, so a leaked database cannot be replayed as cookies.
export const sessionCookieName = "lantoa_session";
const dayMs = 24 * 60 * 60 * 1000;

export type SessionPolicy = { lifetimeDays: number };

export function generateSessionToken() {
  const bytes = crypto.getRandomValues(new Uint8Array(20));
  return encodeBase32LowerCaseNoPadding(bytes);
}

export function sessionIdFromToken(token: string) {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export async function createSession(db: Db, token: string, userId: string, policy: SessionPolicy) {
  return db.session.create({
    data: { id: sessionIdFromToken(token), userId, expiresAt: new Date(Date.now() + policy.lifetimeDays * dayMs) },
    select: { id: true, userId: true, expiresAt: true },
  });
}

/** Sliding expiry: a session used in the second half of its life is extended to a full lifetime. */
export function slideExpiry(expiresAt: Date, policy: SessionPolicy, now: Date): "expired" | "keep" | Date {
  if (expiresAt.getTime() <= now.getTime()) return "expired";
  const lifetimeMs = policy.lifetimeDays * dayMs;
  return expiresAt.getTime() - now.getTime() >= lifetimeMs / 2 ? "keep" : new Date(now.getTime() + lifetimeMs);
}

/** Applies the sliding rule to a session row: deletes it when expired, extends it when due. */
export async function settleSession(db: Db, session: { id: string; expiresAt: Date }, policy: SessionPolicy, now = new Date()) {
  const next = slideExpiry(session.expiresAt, policy, now);
  if (next === "expired") {
    await db.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  if (next === "keep") return { expiresAt: session.expiresAt, extended: false };
  await db.session.update({ where: { id: session.id }, data: { expiresAt: next } });
  return { expiresAt: next, extended: true };
}

export async function invalidateSession(db: Db, sessionId: string) {
  await db.session.deleteMany({ where: { id: sessionId } });
}

export function readSessionToken(request: Request) {
  const cookie = request.headers.get("Cookie") ?? "";
  return cookie.match(new RegExp(`(?:^|;\\s*)${sessionCookieName}=([a-z2-7]+)`))?.[1] ?? null;
}

// Behind a proxy named by TRUST_PROXY, server.mjs builds request.url from X-Forwarded-Proto; otherwise that header is anyone's.
function isHttps(request: Request) {
  return new URL(request.url).protocol === "https:";
}

export function sessionCookie(request: Request, token: string, expiresAt: Date) {
  const secure = isHttps(request) ? "; Secure" : "";
  return `${sessionCookieName}=${token}; HttpOnly; SameSite=Lax; Path=/; Expires=${expiresAt.toUTCString()}${secure}`;
}

export function clearedSessionCookie(request: Request) {
  const secure = isHttps(request) ? "; Secure" : "";
  return `${sessionCookieName}=; HttpOnly; SameSite=Lax; Path=/; Max-Age=0${secure}`;
}
