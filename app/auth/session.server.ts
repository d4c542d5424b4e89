import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import type { Db } from "#app/db.server.ts";
import type { Prisma } from "#app/generated/prisma/client.ts";

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

/**
 * Sliding expiry: a session used in the second half of its life is extended to a full lifetime.
 * `user` selects the session's user in the same query, so a request costs one lookup.
 */
export async function validateSessionToken<U extends Prisma.UserSelect = { id: true }>(
  db: Db,
  token: string,
  policy: SessionPolicy,
  options: { now?: Date; user?: U } = {},
) {
  const now = options.now ?? new Date();
  const session = await db.session.findUnique({
    where: { id: sessionIdFromToken(token) },
    select: { id: true, userId: true, expiresAt: true, user: { select: options.user ?? { id: true } } },
  });
  if (!session) return null;
  if (session.expiresAt.getTime() <= now.getTime()) {
    await db.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  const user = session.user as unknown as Prisma.UserGetPayload<{ select: U }>;
  const lifetimeMs = policy.lifetimeDays * dayMs;
  if (session.expiresAt.getTime() - now.getTime() >= lifetimeMs / 2) return { id: session.id, userId: session.userId, expiresAt: session.expiresAt, user, extended: false };
  const expiresAt = new Date(now.getTime() + lifetimeMs);
  await db.session.update({ where: { id: session.id }, data: { expiresAt } });
  return { id: session.id, userId: session.userId, expiresAt, user, extended: true };
}

export async function invalidateSession(db: Db, sessionId: string) {
  await db.session.deleteMany({ where: { id: sessionId } });
}

export function readSessionToken(request: Request) {
  const cookie = request.headers.get("Cookie") ?? "";
  return cookie.match(new RegExp(`(?:^|;\\s*)${sessionCookieName}=([a-z2-7]+)`))?.[1] ?? null;
}

function isHttps(request: Request) {
  return new URL(request.url).protocol === "https:" || request.headers.get("X-Forwarded-Proto") === "https";
}

export function sessionCookie(request: Request, token: string, expiresAt: Date) {
  const secure = isHttps(request) ? "; Secure" : "";
  return `${sessionCookieName}=${token}; HttpOnly; SameSite=Lax; Path=/; Expires=${expiresAt.toUTCString()}${secure}`;
}

export function clearedSessionCookie(request: Request) {
  const secure = isHttps(request) ? "; Secure" : "";
  return `${sessionCookieName}=; HttpOnly; SameSite=Lax; Path=/; Max-Age=0${secure}`;
}
