import { createContext, data, redirect, type RouterContextProvider } from "react-router";
import { db, readRows, keepPlan } from "#app/db.server.ts";
import { Prisma } from "#app/generated/prisma/client.ts";
import { env } from "#app/env.server.ts";
import { unitSelect } from "#app/org/units.server.ts";
import { contactFromIdentifier } from "#app/people/contact.ts";
import { hashPassword, verifyPassword } from "./password.server.ts";
import { claimAttempt } from "./throttle.server.ts";
import { canOnUnit, hasPermission, roles, scopesFor, type Permission, type Role, type ScopedRole } from "./permissions.ts";
import {
  clearedSessionCookie,
  createSession,
  generateSessionToken,
  invalidateSession,
  readSessionToken,
  sessionCookie,
  sessionIdFromToken,
  settleSession,
} from "./session.server.ts";

const policy = { lifetimeDays: env.SESSION_DAYS };
const unknownUserHash = hashPassword(crypto.randomUUID());

export type CurrentUser = {
  id: string;
  name: string;
  gender: string;
  unitId: string;
  sessionId: string;
  /** A temporary password an organizer set: nothing but changing it is allowed until it is changed. */
  mustChangePassword: boolean;
  /** Set when sliding expiry extended the session, so the cookie is re-issued. */
  refreshedCookie: string | null;
  roles: ScopedRole[];
};

/** Set once per request by the root middleware; loaders and actions read it instead of the database. */
export const currentUserContext = createContext<CurrentUser | null>(null);

type RequestArgs = { request: Request; context: Readonly<RouterContextProvider> };

export function getCurrentUser({ context }: RequestArgs) {
  return context.get(currentUserContext);
}

type SessionRow = {
  sessionId: string;
  expiresAt: Date | string;
  userId: string;
  name: string;
  gender: string;
  unitId: string;
  mustChangePassword: boolean | number | bigint;
  role: string | null;
  roleUnitId: string | null;
  roleUnitPath: string | null;
  roleUnitName: string | null;
};

export async function loadCurrentUser(request: Request): Promise<CurrentUser | null> {
  const token = readSessionToken(request);
  if (!token) return null;
  // Every request runs this: one join costs a third of Prisma's query per relation (npm run bench).
  const rows = await readRows<SessionRow>(db, Prisma.sql`
    select s."id" as "sessionId", s."expiresAt", u."id" as "userId", u."name", u."gender", u."unitId", u."mustChangePassword",
           r."role", o."id" as "roleUnitId", o."path" as "roleUnitPath", o."name" as "roleUnitName"
    from "Session" s
    join "User" u on u."id" = s."userId"
    left join "RoleAssignment" r on r."userId" = u."id"
    left join "OrgUnit" o on o."id" = r."unitId"
    where s."id" = ${keepPlan(sessionIdFromToken(token))} and u."deactivatedAt" is null
    order by o."depth", r."createdAt", r."id"`);
  const first = rows[0];
  if (!first) return null;
  const session = await settleSession(db, { id: first.sessionId, expiresAt: new Date(first.expiresAt) }, policy);
  if (!session) return null;
  return {
    id: first.userId,
    name: first.name,
    gender: first.gender,
    unitId: first.unitId,
    sessionId: first.sessionId,
    mustChangePassword: Boolean(first.mustChangePassword),
    refreshedCookie: session.extended ? sessionCookie(request, token, session.expiresAt) : null,
    roles: rows.flatMap((r) =>
      r.role && roles.includes(r.role as Role) && r.roleUnitId && r.roleUnitPath && r.roleUnitName
        ? [{ role: r.role as Role, unitId: r.roleUnitId, unitPath: r.roleUnitPath, unitName: r.roleUnitName }]
        : [],
    ),
  };
}

export function requireUser(args: RequestArgs) {
  const user = getCurrentUser(args);
  if (!user) {
    const url = new URL(args.request.url);
    const redirectTo = `${url.pathname}${url.search}`;
    throw redirect(`/login?${new URLSearchParams({ redirectTo })}`);
  }
  return user;
}

export function forbidden(): never {
  throw data(null, { status: 403 });
}

export function requirePermission(user: CurrentUser, permission: Permission, unit?: { path: string }) {
  const allowed = unit ? canOnUnit(user.roles, permission, unit.path) : hasPermission(user.roles, permission);
  if (!allowed) forbidden();
}

export function notFound(): never {
  throw data(null, { status: 404 });
}

/**
 * The unit a request names (by default the first she holds `permission` on), when the user holds the
 * permission on it: 403 without the permission anywhere, and a unit outside her scope is answered as one
 * that does not exist, so ids cannot be probed.
 */
export async function requireScopedUnit(user: CurrentUser, permission: Permission, unitId: string | undefined) {
  const first = scopesFor(user.roles, permission)[0];
  if (!first) forbidden();
  const unit = await db.orgUnit.findUnique({ where: { id: unitId ?? first.unitId }, select: { ...unitSelect, validFrom: true, validTo: true } });
  if (!unit || !canOnUnit(user.roles, permission, unit.path)) notFound();
  return unit;
}

/** The paths a user with a temporary password may still reach: the page that changes it, and the way out. */
export const passwordChangePath = "/account/password";
const beforePasswordChange = new Set([passwordChangePath, "/logout", "/language"]);

/** Sends a user who must change her temporary password to the page that does it, from anywhere else. */
export function requirePasswordChanged(request: Request, user: CurrentUser | null) {
  if (!user?.mustChangePassword) return;
  const url = new URL(request.url);
  const pathname = url.pathname.replace(/\.data$/, "");
  if (beforePasswordChange.has(pathname)) return;
  throw redirect(`${passwordChangePath}?${new URLSearchParams({ redirectTo: `${pathname}${url.search}` })}`);
}

/**
 * A user id, or why not: wrong credentials (retryAt null), too many failures until retryAt, or the
 * right password for an account that was deactivated (said only to whoever knows the password).
 */
export type SignInResult = { userId: string; mustChangePassword: boolean } | { userId: null; retryAt: Date | null; deactivated: boolean };

/**
 * Unknown identifiers are throttled like accounts, so refusals reveal nothing about who has one; the
 * address is checked first so a guesser cycling through identifiers is stopped too.
 */
export async function signIn(identifier: string, password: string, address: string | null): Promise<SignInResult> {
  const contact = contactFromIdentifier(identifier);
  const byAddress = await claimAttempt(db, "sign-in-address", address ?? "unknown");
  if (!byAddress.allowed) return { userId: null, retryAt: byAddress.retryAt, deactivated: false };
  const byAccount = await claimAttempt(db, "sign-in-account", contact ? Object.values(contact)[0]! : identifier.trim().toLowerCase());
  if (!byAccount.allowed) {
    await byAddress.passed();
    return { userId: null, retryAt: byAccount.retryAt, deactivated: false };
  }
  const user = contact
    ? await db.user.findUnique({ where: contact, select: { id: true, deactivatedAt: true, mustChangePassword: true, password: { select: { hash: true } } } })
    : null;
  // Verify against a throwaway hash when the user is unknown or has no password (seeded cadres, accounts not
  // yet created) so timing does not reveal accounts.
  const valid = await verifyPassword(user?.password?.hash ?? (await unknownUserHash), password);
  const outcome = user && valid ? "passed" : "failed";
  await Promise.all([byAddress[outcome](), byAccount[outcome]()]);
  if (!user || !valid) return { userId: null, retryAt: null, deactivated: false };
  if (user.deactivatedAt) return { userId: null, retryAt: null, deactivated: true };
  return { userId: user.id, mustChangePassword: user.mustChangePassword };
}

export async function startSession(request: Request, userId: string) {
  const token = generateSessionToken();
  const session = await createSession(db, token, userId, policy);
  return sessionCookie(request, token, session.expiresAt);
}

export async function signOut(args: RequestArgs) {
  const { request } = args;
  const user = getCurrentUser(args);
  if (user) await invalidateSession(db, user.sessionId);
  return clearedSessionCookie(request);
}

/**
 * Only paths on this site. The value is resolved first and the result checked, because resolving can
 * itself produce a host: "/.//evil.example" becomes "//evil.example". Browsers also read "/\host" and
 * "/<tab>/host" as another host.
 */
export function safeRedirectPath(to: FormDataEntryValue | string | null, fallback = "/courses") {
  if (typeof to !== "string" || !to.startsWith("/") || /[\\\x00-\x1f\x7f]/.test(to)) return fallback;
  const origin = "http://lantoa.invalid";
  try {
    const url = new URL(to, origin);
    const path = `${url.pathname}${url.search}${url.hash}`;
    return url.origin === origin && /^\/(?![/\\])/.test(path) ? path : fallback;
  } catch {
    return fallback;
  }
}
