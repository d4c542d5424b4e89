import { data } from "react-router";
import { z } from "zod";
import { requireUser } from "#app/auth/auth.server.ts";
import { getCatalog } from "#app/courses/catalog-instance.server.ts";
import { htmlByKey } from "#app/courses/html-registry.server.ts";
import type { Route } from "./+types/lesson-html";

const keys = z.array(z.string().regex(/^[\w-]{22}$/)).min(1).max(50);

// Fragments of pre-rendered lessons for pages reached by in-app navigation; content never changes per key.
export async function loader({ request, context }: Route.LoaderArgs) {
  requireUser({ request, context });
  // The registry is filled as the catalog is built: a process that has served no lesson yet builds it first.
  await getCatalog();
  const parsed = keys.safeParse(new URL(request.url).searchParams.getAll("k"));
  if (!parsed.success) throw data(null, { status: 400 });
  const found = Object.fromEntries(parsed.data.flatMap((key) => (htmlByKey(key) !== undefined ? [[key, htmlByKey(key)]] : [])));
  return Response.json(found, { headers: { "Cache-Control": "private, max-age=31536000, immutable" } });
}
