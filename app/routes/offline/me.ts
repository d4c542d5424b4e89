import { getCurrentUser } from "#app/auth/auth.server.ts";
import type { Route } from "./+types/me";

// Who is signed in, for the service worker: it sends a queued write only while its author is (ADR 015).
export function loader({ request, context }: Route.LoaderArgs) {
  const user = getCurrentUser({ request, context });
  return Response.json({ userId: user?.id ?? null }, { headers: { "Cache-Control": "no-store" } });
}
