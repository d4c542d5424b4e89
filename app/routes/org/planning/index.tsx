import { Form, Link, data } from "react-router";
import { z } from "zod";
import { notFound, requirePermission, requireScopedUnit, requireUser } from "#app/auth/auth.server.ts";
import { canOnUnit, hasPermission, scopesFor } from "#app/auth/permissions.ts";
import { db } from "#app/db.server.ts";
import { metaT, pageTitle, useT } from "#app/i18n/i18n.ts";
import { orgMessages } from "#app/i18n/vi/org.ts";
import { planningMessages } from "#app/i18n/vi/planning.ts";
import { planningListMessages } from "#app/i18n/vi/planning-list.ts";
import { unitTrail } from "#app/org/learning-report.server.ts";
import { isValidOn } from "#app/org/periods.ts";
import { unitSelect } from "#app/org/units.server.ts";
import { hasListFor, plannedCounts } from "#app/planning/list-view.server.ts";
import { allTerms, termOn } from "#app/planning/lists.server.ts";
import { isPlanningLevel, planningLevels } from "#app/planning/positions.ts";
import { termName } from "#app/planning/terms.ts";
import type { Route } from "./+types/index";
import "#app/styles/tables.css";

const query = z.object({ unit: z.string().min(1).optional(), term: z.string().min(1).optional() });

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireUser({ request, context });
  requirePermission(user, "planning:read");
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw data(null, { status: 400 });
  const params = parsed.data;
  const terms = await allTerms(db);
  const term = params.term ? terms.find((t) => t.key === params.term) : termOn(terms, new Date());
  if (params.term && !term) notFound();
  const unit = params.unit ? await requireScopedUnit(user, "planning:read", params.unit) : null;
  const readable = (path: string) => canOnUnit(user.roles, "planning:read", path);
  // One level at a time: the chosen unit's children, or the roots of the reader's scope.
  const rows = unit
    ? await db.orgUnit.findMany({ where: { parentId: unit.id, level: { in: [...planningLevels] } }, select: unitSelect, orderBy: [{ name: "asc" }, { id: "asc" }] })
    : await db.orgUnit.findMany({ where: { id: { in: scopesFor(user.roles, "planning:read").map((s) => s.unitId) } }, select: unitSelect, orderBy: [{ name: "asc" }, { id: "asc" }] });
  const shown = term ? [...(unit ? [unit] : []), ...rows].filter((u) => isValidOn(u, term.treeOn)) : [];
  const counts = term ? await plannedCounts(db, shown.map((u) => u.id), term) : new Map<string, number>();
  const row = (u: (typeof shown)[number]) => ({ id: u.id, name: u.name, hasList: term ? hasListFor(u, term) : false, planned: counts.get(u.id) ?? 0, below: u.level !== "commune" && isPlanningLevel(u.level) });
  return {
    terms: terms.map((t) => t.key),
    term: term ? { key: term.key, treeOn: term.treeOn.toISOString() } : null,
    unit: unit ? { id: unit.id, name: unit.name } : null,
    trail: unit ? (await unitTrail(db, unit, readable)).map((u) => ({ id: u.id, name: u.name })) : [],
    self: unit && term && isValidOn(unit, term.treeOn) ? row(unit) : null,
    rows: shown.filter((u) => u.id !== unit?.id).map(row),
    canEditRules: hasPermission(user.roles, "planning:rules"),
  };
}

export const meta: Route.MetaFunction = ({ matches }) => {
  const t = metaT(matches, planningListMessages);
  return [pageTitle(t, t("planningList.indexTitle"))];
};

export default function PlanningIndex({ loaderData }: Route.ComponentProps) {
  const { t, date } = useT(planningListMessages, planningMessages, orgMessages);
  const { terms, term, unit, trail, self, rows, canEditRules } = loaderData;
  const list = (id: string) => `/org/planning/${id}/${term!.key}`;
  const level = (id: string) => `/org/planning?${new URLSearchParams({ unit: id, term: term!.key })}`;
  return (
    <>
      <h1>{t("planningList.indexTitle")}</h1>
      <p className="page-links">
        <Link to={`/org/pipeline?${new URLSearchParams({ ...(unit ? { unit: unit.id } : {}), ...(term ? { term: term.key } : {}) })}`}>{t("org.page.pipeline")}</Link>
        {" · "}
        <Link to={`/org/planning/warnings?${new URLSearchParams({ ...(unit ? { unit: unit.id } : {}), ...(term ? { term: term.key } : {}) })}`}>{t("org.page.planningWarnings")}</Link>
        {canEditRules ? (
          <>
            {" · "}
            <Link to="/admin/planning">{t("org.page.planningRules")}</Link>
          </>
        ) : null}
      </p>
      {term === null ? <p>{t("planningList.noTerms")}</p> : null}
      <Form method="get" className="filters">
        {unit ? <input type="hidden" name="unit" value={unit.id} /> : null}
        <label className="field">
          <span>{t("planningList.termLabel")}</span>
          <select name="term" defaultValue={term?.key}>
            {terms.map((key) => (
              <option key={key} value={key}>
                {termName(key)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button button-secondary">
          {t("planningList.show")}
        </button>
      </Form>
      {term && trail.length > 0 ? (
        <nav aria-label={t("org.breadcrumbs")} className="breadcrumbs">
          <ol>
            <li>
              <Link to={`/org/planning?${new URLSearchParams({ term: term.key })}`}>{t("planningList.indexTitle")}</Link>
            </li>
            {trail.map((u) => (
              <li key={u.id}>{u.id === unit?.id ? <span aria-current="page">{u.name}</span> : <Link to={level(u.id)}>{u.name}</Link>}</li>
            ))}
          </ol>
        </nav>
      ) : null}
      {term ? (
        <>
          <p>{t("planningList.unitsOn", { term: termName(term.key), date: date(term.treeOn) })}</p>
          {self === null && rows.length === 0 ? <p>{t("planningList.noUnits")}</p> : null}
          <div className="table-scroll" tabIndex={0}>
            <table>
              <caption className="visually-hidden">{t("planningList.indexTitle")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("planningList.unitCol")}</th>
                  <th scope="col" className="num">{t("planningList.plannedCol")}</th>
                  <th scope="col" />
                </tr>
              </thead>
              <tbody>
                {[...(self ? [self] : []), ...rows].map((r) => (
                  <tr key={r.id}>
                    <th scope="row">{r.hasList ? <Link to={list(r.id)}>{r.name}</Link> : r.name}</th>
                    <td className="num">{r.hasList ? r.planned : t("planningList.noList")}</td>
                    <td>{r.below && r.id !== self?.id ? <Link to={level(r.id)}>{t("planningList.below")}</Link> : null}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </>
  );
}
