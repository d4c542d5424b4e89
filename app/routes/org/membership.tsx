import { Form, Link, data } from "react-router";
import { z } from "zod";
import { requireScopedUnit, requireUser } from "#app/auth/auth.server.ts";
import { canOnUnit } from "#app/auth/permissions.ts";
import { db } from "#app/db.server.ts";
import { metaT, pageTitle, useT } from "#app/i18n/i18n.ts";
import { membershipMessages } from "#app/i18n/vi/membership.ts";
import { endedPeriods, latestHalf } from "#app/membership/period-choices.ts";
import { reportingUnitLevels } from "#app/membership/report.server.ts";
import { membershipOverview } from "#app/membership/statistics.server.ts";
import { formatPeriod, periodParam } from "#app/org/periods.ts";
import { Percent, RateFormula, useNumber, usePeriodName } from "#app/components/membership.tsx";
import { formatTarget } from "#app/i18n/numbers.ts";
import type { Route } from "./+types/membership";
import "#app/styles/tables.css";

const query = z.object({ unit: z.string().min(1).optional(), period: periodParam.optional() });

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireUser({ request, context });
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw data(null, { status: 400 });
  const unit = await requireScopedUnit(user, "report:read", parsed.data.unit);
  const now = new Date();
  const period = parsed.data.period ?? latestHalf(now);
  const overview = await membershipOverview(db, unit, period);
  const writable = (level: string, path: string) => (reportingUnitLevels as readonly string[]).includes(level) && canOnUnit(user.roles, "membership:write", path);
  const paths = new Map((await db.orgUnit.findMany({ where: { id: { in: overview.rows.map((r) => r.id) } }, select: { id: true, path: true } })).map((u) => [u.id, u.path]));
  return {
    unit: { id: unit.id, name: unit.name, parentId: unit.parentId, canEnter: writable(unit.level, unit.path) },
    period: formatPeriod(period),
    periods: endedPeriods(now).map(formatPeriod),
    overview: { ...overview, rows: overview.rows.map((r) => ({ ...r, canEnter: writable(r.level, paths.get(r.id) ?? "") })) },
  };
}

export const meta: Route.MetaFunction = ({ matches }) => {
  const t = metaT(matches, membershipMessages);
  return [pageTitle(t, t("membership.title"))];
};

export default function Membership({ loaderData }: Route.ComponentProps) {
  const { t } = useT(membershipMessages);
  const number = useNumber();
  const periodName = usePeriodName();
  const { unit, period, overview } = loaderData;
  const { total, target, householdTarget } = overview;
  const showHouseholds = overview.rows.some((r) => r.households);
  const link = (unitId: string, path = "/org/membership") => `${path}?${new URLSearchParams({ unit: unitId, period })}`;
  const status = (meets: boolean | null, yes: string, no: string) => (meets === null ? "" : meets ? yes : no);
  return (
    <>
      <h1>{t("membership.title")}</h1>
      <p className="lead">{t("membership.scope", { unit: unit.name, period: periodName(period) })}</p>
      <Form method="get" className="filters">
        <input type="hidden" name="unit" value={unit.id} />
        <label className="field">
          <span>{t("membership.period")}</span>
          <select name="period" defaultValue={period}>
            {loaderData.periods.map((p) => (
              <option key={p} value={p}>
                {periodName(p)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button button-secondary">
          {t("membership.show")}
        </button>
        {unit.parentId ? <Link to={link(unit.parentId)} aria-label={t("membership.up")}>↑</Link> : null}
      </Form>

      <section aria-labelledby="rate-total" className="stack">
        <h2 id="rate-total">
          {t("membership.rate")}: {total.rate ? <Percent value={total.rate.rate} /> : t("membership.noReport")}
        </h2>
        {total.rate ? <RateFormula rate={total.rate} /> : null}
        <p className="muted">{t("membership.sumNote")}</p>
        <p>{target ? t("membership.target", { target: formatTarget(target.value), source: target.source }) : t("membership.noTarget")}</p>
        {target && overview.communes.reported > 0 ? (
          <p data-testid="communes-at-target">
            {t("membership.communesAtTarget", { at: overview.communes.atTarget, total: overview.communes.reported, target: formatTarget(target.value) })}
          </p>
        ) : null}
        {showHouseholds && householdTarget ? <p>{t("membership.householdTarget", { target: formatTarget(householdTarget.value), source: householdTarget.source })}</p> : null}
        {unit.canEnter ? (
          <p>
            <Link className="button button-secondary" to={link(unit.id, "/org/membership/edit")}>
              {t("membership.enter")}
            </Link>
          </p>
        ) : null}
      </section>

      {overview.rows.length === 0 ? (
        <p>{t("membership.noChildren")}</p>
      ) : (
        <div className="table-scroll" tabIndex={0}>
          <table>
            <caption className="visually-hidden">{t("membership.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("membership.unit")}</th>
                <th scope="col" className="num">{t("membership.women")}</th>
                <th scope="col" className="num">{t("membership.members")}</th>
                <th scope="col" className="num">
                  {t("membership.rate")}
                  <br />
                  <span className="muted">({t("membership.formula")})</span>
                </th>
                <th scope="col">{t("membership.status")}</th>
                {showHouseholds ? (
                  <>
                    <th scope="col" className="num">{t("membership.households")}</th>
                    <th scope="col" className="num">{t("membership.householdsWithMember")}</th>
                    <th scope="col" className="num">{t("membership.householdRate")}</th>
                  </>
                ) : null}
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {overview.rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row">
                    <Link to={link(row.id)}>{row.name}</Link>
                  </th>
                  <td className="num">{row.rate ? number(row.rate.womenAdult) : "—"}</td>
                  <td className="num">{row.rate ? number(row.rate.members) : "—"}</td>
                  <td className="num">{row.rate ? <Percent value={row.rate.rate} /> : t("membership.noReport")}</td>
                  <td className={row.meetsTarget === false ? "status-refresh" : "status-done"}>{status(row.meetsTarget, t("membership.atTarget"), t("membership.belowTarget"))}</td>
                  {showHouseholds ? (
                    <>
                      <td className="num">{row.households ? number(row.households.households) : "—"}</td>
                      <td className="num">{row.households ? number(row.households.householdsWithMember) : "—"}</td>
                      <td className="num">
                        {row.households ? <Percent value={row.households.rate} /> : "—"}{" "}
                        {status(row.meetsHouseholdTarget, t("membership.householdDone"), t("membership.householdNotDone"))}
                      </td>
                    </>
                  ) : null}
                  <td>{row.canEnter ? <Link to={link(row.id, "/org/membership/edit")}>{t("membership.edit")}</Link> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
