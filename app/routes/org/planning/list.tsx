import { Link, data } from "react-router";
import { z } from "zod";
import { notFound, requirePermission, requireScopedUnit, requireUser } from "#app/auth/auth.server.ts";
import { canOnUnit } from "#app/auth/permissions.ts";
import { getCatalog } from "#app/courses/catalog-instance.server.ts";
import { db } from "#app/db.server.ts";
import { readForm } from "#app/http/read-form.server.ts";
import { metaT, pageTitle, useT } from "#app/i18n/i18n.ts";
import { peopleMessages } from "#app/i18n/vi/people.ts";
import { planningMessages } from "#app/i18n/vi/planning.ts";
import { planningListMessages } from "#app/i18n/vi/planning-list.ts";
import { isoDay } from "#app/org/days.ts";
import {
  approveEntry,
  defaultDueOn,
  planCadre,
  planForm,
  recordReview,
  removeEntry,
  removeForm,
  reviewForm,
  type ListKey,
  type PlanningUnit,
} from "#app/planning/entries.server.ts";
import { hasListFor, planningListView } from "#app/planning/list-view.server.ts";
import { termByKey } from "#app/planning/lists.server.ts";
import { judgedOn } from "#app/planning/rules.ts";
import { recordStep, stepForm } from "#app/planning/steps.server.ts";
import { PlanningForms, PlanningListBody, type ActionResult } from "#app/components/planning-list.tsx";
import type { Route } from "./+types/list";
import "#app/styles/planning.css";

/** The unit and term the address names, when the reader may see that unit's list: else 404, as for an unknown one. */
async function listOf(user: ReturnType<typeof requireUser>, permission: "planning:read" | "planning:manage", params: { unitId: string; term: string }) {
  requirePermission(user, permission);
  const unit = await requireScopedUnit(user, permission, params.unitId);
  const term = await termByKey(db, params.term);
  if (!term || !hasListFor(unit, term)) notFound();
  return { unit: unit as PlanningUnit & typeof unit, term };
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const user = requireUser({ request, context });
  const { unit, term } = await listOf(user, "planning:read", params);
  const now = new Date();
  const catalog = await getCatalog();
  const view = await planningListView(db, unit, term, now, catalog);
  const title = (slug: string) => catalog.bySlug.get(slug)?.title ?? slug;
  return {
    unit: { id: unit.id, name: unit.name },
    term: { key: term.key },
    judgedOn: judgedOn(now, term).toISOString(),
    canManage: canOnUnit(user.roles, "planning:manage", unit.path),
    defaultDueOn: isoDay(defaultDueOn(now)),
    today: isoDay(now),
    ...view,
    entries: view.entries.map((e) => ({
      id: e.id,
      position: e.position,
      status: e.status,
      reason: e.reason,
      user: { id: e.user.id, name: e.user.name },
      events: e.events.map((ev) => ({ id: ev.id, on: ev.on.toISOString(), status: ev.status, reason: ev.reason })),
      standing: e.standing.map((s) => ("heldOn" in s ? { ...s, heldOn: s.heldOn.toISOString() } : s)),
      readiness: e.readiness && {
        state: e.readiness.state,
        items: [...e.readiness.blockers, ...e.readiness.gaps].map((g) => (g.kind === "course" ? { ...g, course: title(g.course) } : g)),
      },
    })),
    steps: view.steps.map((s) => ({ id: s.id, kind: s.kind, heldOn: s.heldOn.toISOString(), participants: s.participants, note: s.note })),
    reviews: view.reviews.map((r) => ({ ...r, heldOn: r.heldOn.toISOString() })),
    cadres: view.cadres.map((c) => ({ id: c.id, name: c.name, unit: c.unit.id === unit.id ? null : c.unit.name })),
  };
}

const intents = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("plan") }),
  z.object({ intent: z.literal("approve"), entry: z.string().min(1) }),
  z.object({ intent: z.literal("remove") }),
  z.object({ intent: z.literal("review") }),
  z.object({ intent: z.literal("step") }),
]);

const text = (fields: Record<string, FormDataEntryValue>, name: string) => (typeof fields[name] === "string" ? fields[name] : "");
const byPrefix = (fields: Record<string, FormDataEntryValue>, prefix: string) =>
  Object.entries(fields).flatMap(([name, value]) => (name.startsWith(prefix) && typeof value === "string" ? [[name.slice(prefix.length), value] as const] : []));
const fieldErrors = (issues: readonly z.core.$ZodIssue[], rename: Record<string, string> = {}) =>
  Object.fromEntries(issues.map((i) => [rename[i.path.join(".")] ?? String(i.path.at(-1)), i.message as ListKey]));

export async function action({ request, context, params }: Route.ActionArgs) {
  const user = requireUser({ request, context });
  const { unit, term } = await listOf(user, "planning:manage", params);
  const fields = Object.fromEntries(await readForm(request));
  const parsed = intents.safeParse(fields);
  if (!parsed.success) throw data(null, { status: 400 });
  const intent = parsed.data.intent;
  const now = new Date();
  const refused = (errors: Partial<Record<string, ListKey>>) => data({ intent, ok: false as const, errors, values: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, String(v)])) }, { status: 400 });
  const done = (result: Omit<ActionResult & { ok: true }, "intent" | "ok">) => ({ intent, ok: true as const, ...result });

  if (parsed.data.intent === "plan") {
    const input = planForm(now).safeParse({ cadre: text(fields, "cadre"), position: text(fields, "position"), dueOn: text(fields, "dueOn") });
    if (!input.success) return refused(fieldErrors(input.error.issues));
    const result = await planCadre(db, user.id, unit, term, input.data, await getCatalog(), now);
    if (!result.ok) return refused(result.errors);
    return done({ name: result.name, assigned: result.assigned.length, dueOn: input.data.dueOn.toISOString(), warnings: result.warnings.length });
  }
  if (parsed.data.intent === "approve") {
    const result = await approveEntry(db, user.id, unit, term, parsed.data.entry, now);
    if (!result) notFound();
    if (!result.ok) return refused(result.errors);
    return done({ name: result.name, warnings: result.warnings.length });
  }
  if (parsed.data.intent === "remove") {
    const input = removeForm.safeParse({ entry: text(fields, "entry"), reason: text(fields, "reason") });
    if (!input.success) return refused(fieldErrors(input.error.issues));
    const result = await removeEntry(db, user.id, unit, term, input.data, now);
    if (!result) notFound();
    if (!result.ok) return refused(result.errors);
    return done({ name: result.name, warnings: result.warnings.length });
  }
  if (parsed.data.intent === "review") {
    const reasons = new Map(byPrefix(fields, "reason:"));
    const adding = text(fields, "addCadre") !== "" || text(fields, "addPosition") !== "";
    const input = reviewForm(term, now).safeParse({
      year: text(fields, "year"),
      heldOn: text(fields, "heldOn"),
      note: text(fields, "note"),
      decisions: byPrefix(fields, "decision:").map(([entry, decision]) => ({ entry, keep: decision !== "remove", reason: reasons.get(entry) ?? "" })),
      add: adding ? { cadre: text(fields, "addCadre"), position: text(fields, "addPosition"), dueOn: text(fields, "addDueOn") } : null,
    });
    const rename = { "add.cadre": "addCadre", "add.position": "addPosition", "add.dueOn": "addDueOn" };
    if (!input.success) return refused(fieldErrors(input.error.issues, rename));
    const result = await recordReview(db, user.id, unit, term, input.data, await getCatalog(), now);
    if (!result.ok) return refused(Object.fromEntries(Object.entries(result.errors).map(([k, v]) => [k in { cadre: 1, position: 1, dueOn: 1 } ? `add${k[0]!.toUpperCase()}${k.slice(1)}` : k, v!])));
    return done({ warnings: result.warnings.length });
  }
  const input = stepForm(now).safeParse({ kind: text(fields, "kind"), heldOn: text(fields, "heldOn"), participants: text(fields, "participants"), note: text(fields, "note") });
  if (!input.success) return refused(fieldErrors(input.error.issues));
  const votes = new Map(byPrefix(fields, "votes:"));
  const selected = new Set(byPrefix(fields, "selected:").map(([entry]) => entry));
  const result = await recordStep(db, user.id, unit, term, { ...input.data, votes, selected });
  if (!result.ok) return refused(result.errors);
  return done({});
}

export const meta: Route.MetaFunction = ({ matches, loaderData }) => {
  const t = metaT(matches, planningListMessages);
  return [pageTitle(t, loaderData ? t("planningList.title", { unit: loaderData.unit.name }) : t("planningList.indexTitle"))];
};

export default function PlanningList({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT(planningListMessages, planningMessages, peopleMessages);
  const { unit, term } = loaderData;
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/org/planning?${new URLSearchParams({ unit: unit.id, term: term.key })}`}>{t("planningList.backToUnits")}</Link>
      </p>
      <h1>{t("planningList.title", { unit: unit.name })}</h1>
      <PlanningListBody view={loaderData} result={actionData} canManage={loaderData.canManage} />
      {loaderData.canManage ? (
        <div className="planning-forms">
          <PlanningForms view={loaderData} result={actionData} />
        </div>
      ) : null}
    </>
  );
}
