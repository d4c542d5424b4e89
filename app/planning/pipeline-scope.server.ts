import { data } from "react-router";
import { z } from "zod";
import { notFound, requirePermission, requireScopedUnit, requireUser } from "#app/auth/auth.server.ts";
import { db } from "#app/db.server.ts";
import { pipelineTerm } from "./pipeline.server.ts";

const scopeQuery = z.object({ unit: z.string().min(1).optional(), term: z.string().min(1).optional() });

/**
 * What every pipeline page reads from `?unit=&term=`: the unit (by default the reader's top unit) when it is in
 * her planning scope, and the term (by default the one in force today). Without planning:read anywhere 403; a
 * unit outside her scope or an unknown term 404, as for one that does not exist.
 */
export async function pipelineScope(args: Parameters<typeof requireUser>[0]) {
  const user = requireUser(args);
  requirePermission(user, "planning:read");
  const parsed = scopeQuery.safeParse(Object.fromEntries(new URL(args.request.url).searchParams));
  if (!parsed.success) throw data(null, { status: 400 });
  const unit = await requireScopedUnit(user, "planning:read", parsed.data.unit);
  const today = new Date();
  const { terms, term } = await pipelineTerm(db, parsed.data.term, today);
  if (!term) notFound();
  return { user, unit, term, terms, today };
}
