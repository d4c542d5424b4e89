import { RouterContextProvider } from "react-router";
import { currentUserContext, loadCurrentUser } from "#app/auth/auth.server.ts";
import { createSession, generateSessionToken, sessionCookieName } from "#app/auth/session.server.ts";
import type { Db } from "#app/db.server.ts";

/** The context the root middleware builds: the signed-in user read through a real session, or nobody. */
export async function contextFor(db: Db, userId: string | null) {
  const context = new RouterContextProvider();
  context.set(currentUserContext, userId ? await signedIn(db, userId) : null);
  return context;
}

async function signedIn(db: Db, userId: string) {
  const token = generateSessionToken();
  await createSession(db, token, userId, { lifetimeDays: 30 });
  return loadCurrentUser(new Request("http://localhost/", { headers: { Cookie: `${sessionCookieName}=${token}` } }));
}

/** Loader and action arguments as React Router passes them to a route module. */
export const routeArgs = <A>(request: Request, context: RouterContextProvider, params: Record<string, string> = {}) =>
  ({ request, params, context }) as unknown as A;

export const get = (path: string) => new Request(`http://localhost${path}`);
export const post = (path: string, fields: Record<string, string>) =>
  new Request(`http://localhost${path}`, { method: "POST", body: new URLSearchParams(fields) });

/** What a loader or action threw or returned, as a Response or React Router's data() result. */
export async function outcome(run: () => Promise<unknown> | unknown) {
  try {
    return await run();
  } catch (thrown) {
    return thrown;
  }
}

export function statusOf(result: unknown) {
  if (result instanceof Response) return result.status;
  const init = (result as { init?: ResponseInit | null } | null)?.init;
  return init?.status ?? 200;
}
