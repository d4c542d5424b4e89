import { Form, Link, data } from "react-router";
import { z } from "zod";
import { requireScopedUnit, requireUser } from "#app/auth/auth.server.ts";
import { canOnUnit } from "#app/auth/permissions.ts";
import { db } from "#app/db.server.ts";
import { Pager } from "#app/components/pager.tsx";
import { metaT, pageTitle, useT } from "#app/i18n/i18n.ts";
import { peopleMessages } from "#app/i18n/vi/people.ts";
import { peopleAdminMessages } from "#app/i18n/vi/people-admin.ts";
import { positionLabel, type Position } from "#app/people/positions.ts";
import { listCadres } from "#app/people/roster.server.ts";
import type { Route } from "./+types/people";
import "#app/styles/tables.css";

const query = z.object({
  unit: z.string().min(1).optional(),
  q: z.string().max(100).catch(""),
  page: z.coerce.number().int().min(1).catch(1),
});

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireUser({ request, context });
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw data(null, { status: 400 });
  const { unit: unitId, q, page } = parsed.data;
  const unit = await requireScopedUnit(user, "people:manage", unitId);
  const cadres = await listCadres(db, unit.path, { q, page });
  return {
    unit: { id: unit.id, name: unit.name },
    q,
    canReadAudit: canOnUnit(user.roles, "audit:read", unit.path),
    cadres: {
      ...cadres,
      rows: cadres.rows.map((r) => ({ ...r, deactivated: r.deactivatedAt !== null, positions: r.holdings.map((h) => ({ position: h.position as Position, unitName: h.unit.name })) })),
    },
  };
}

export const meta: Route.MetaFunction = ({ matches }) => {
  const t = metaT(matches, peopleAdminMessages);
  return [pageTitle(t, t("peopleAdmin.title"))];
};

export default function People({ loaderData }: Route.ComponentProps) {
  const { t } = useT(peopleAdminMessages, peopleMessages);
  const { unit, q, cadres } = loaderData;
  const pageLink = (page: number) => `?${new URLSearchParams({ unit: unit.id, q, page: String(page) })}`;
  return (
    <>
      <h1>{t("peopleAdmin.title")}</h1>
      <p className="lead">{t("peopleAdmin.scope", { unit: unit.name })}</p>
      {loaderData.canReadAudit ? (
        <p className="links">
          <Link to={`/org/audit?${new URLSearchParams({ unit: unit.id })}`}>{t("peopleAdmin.auditLink")}</Link>
        </p>
      ) : null}
      <Form method="get" className="filters">
        <input type="hidden" name="unit" value={unit.id} />
        <label className="field">
          <span>{t("peopleAdmin.search")}</span>
          <input type="search" name="q" defaultValue={q} />
        </label>
        <button type="submit" className="button button-secondary">
          {t("peopleAdmin.searchButton")}
        </button>
      </Form>
      <p>{t("peopleAdmin.total", { count: cadres.total })}</p>
      {cadres.rows.length === 0 ? <p>{t("peopleAdmin.none")}</p> : null}
      <div className="table-scroll" tabIndex={0}>
        <table>
          <caption className="visually-hidden">{t("peopleAdmin.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("peopleAdmin.col.name")}</th>
              <th scope="col">{t("peopleAdmin.col.unit")}</th>
              <th scope="col">{t("peopleAdmin.col.positions")}</th>
              <th scope="col">{t("peopleAdmin.col.gender")}</th>
              <th scope="col" className="num">{t("peopleAdmin.col.birthYear")}</th>
            </tr>
          </thead>
          <tbody>
            {cadres.rows.map((row) => (
              <tr key={row.id}>
                <th scope="row">
                  <Link to={`/org/people/${row.id}`}>{row.name}</Link> {row.deactivated ? t("peopleAdmin.deactivatedMark") : null}
                </th>
                <td>{row.unit.name}</td>
                <td>{row.positions.map((p) => `${t(positionLabel(p.position))} (${p.unitName})`).join("; ")}</td>
                <td>{row.gender === "male" ? t("people.gender.male") : t("people.gender.female")}</td>
                <td className="num">{row.birthYear ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager page={cadres.page} pages={cadres.pages} link={pageLink} label={t("peopleAdmin.title")} />
    </>
  );
}
