import { Form, Link } from "react-router";
import { z } from "zod";
import { PipelineChart } from "#app/components/pipeline-chart.tsx";
import { Pager } from "#app/components/pager.tsx";
import { getCatalog } from "#app/courses/catalog-instance.server.ts";
import { db } from "#app/db.server.ts";
import { metaT, pageTitle, useT } from "#app/i18n/i18n.ts";
import { formatInteger, formatShare, formatTarget } from "#app/i18n/numbers.ts";
import { pipelineMessages } from "#app/i18n/vi/pipeline.ts";
import { planningMessages } from "#app/i18n/vi/planning.ts";
import { formatPeriod } from "#app/org/periods.ts";
import { hasListFor } from "#app/planning/list-view.server.ts";
import { pipelineScope } from "#app/planning/pipeline-scope.server.ts";
import { unitPipeline } from "#app/planning/pipeline.server.ts";
import { listedStages, plannedWomenShare, warningKinds, type UnitFigures } from "#app/planning/pipeline.ts";
import { termName } from "#app/planning/terms.ts";
import { subtreeWarnings } from "#app/planning/warnings.server.ts";
import type { Route } from "./+types/pipeline";
import "#app/styles/tables.css";
import "#app/styles/pipeline.css";

const pageQuery = z.object({ page: z.coerce.number().int().min(1).catch(1) });
const childrenPerPage = 50;

export async function loader({ request, context }: Route.LoaderArgs) {
  const { unit, term, terms, today } = await pipelineScope({ request, context });
  const { page: asked } = pageQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [pipeline, warnings] = await Promise.all([unitPipeline(db, unit, term, today, await getCatalog()), subtreeWarnings(db, unit, term, today)]);
  const pages = Math.max(1, Math.ceil(pipeline.children.length / childrenPerPage));
  const page = Math.min(asked, pages);
  return {
    unit: { id: unit.id, name: unit.name, parentId: unit.parentId, elects: hasListFor(unit, term) },
    term: term.key,
    terms: terms.map((t) => t.key),
    day: pipeline.day.toISOString(),
    period: formatPeriod(pipeline.period),
    total: pipeline.total,
    targets: pipeline.targets,
    children: pipeline.children.slice((page - 1) * childrenPerPage, page * childrenPerPage),
    childCount: pipeline.children.length,
    page,
    pages,
    warnings: warnings.count,
  };
}

export const meta: Route.MetaFunction = ({ matches }) => {
  const t = metaT(matches, pipelineMessages);
  return [pageTitle(t, t("pipeline.title"))];
};

const share = (part: number, whole: number) => formatShare(whole === 0 ? null : part / whole);

export default function Pipeline({ loaderData }: Route.ComponentProps) {
  const { t, date } = useT(pipelineMessages, planningMessages);
  const { unit, term, total, targets, children } = loaderData;
  const day = date(loaderData.day);
  const params = { unit: unit.id, term };
  const stageLink = (stage: string, gender: string, unitId = unit.id) => `/org/pipeline/${stage}?${new URLSearchParams({ unit: unitId, term, gender })}`;
  const membersLink = (unitId: string) => `/org/membership?${new URLSearchParams({ unit: unitId, period: loaderData.period })}`;
  const formula = { day, term: termName(term), period: loaderData.period };
  const plannedAll = total.planned.female + total.planned.male;
  // Members outnumber cadres a hundredfold: on one scale the cadres' bars would vanish, so the chart starts at the cadres.
  const chartRows = listedStages.map((s) => ({ label: t(`pipeline.stage.${s}`), female: total[s].female, male: total[s].male }));
  const figure = (value: number, stage: string, gender: string, unitId?: string) => <Link to={stageLink(stage, gender, unitId)}>{formatInteger(value)}</Link>;
  return (
    <>
      <h1>{t("pipeline.title")}</h1>
      <p className="lead">{t("pipeline.scope", { unit: unit.name, term: termName(term), day })}</p>
      <Form method="get" className="filters">
        <input type="hidden" name="unit" value={unit.id} />
        <label className="field">
          <span>{t("pipeline.term")}</span>
          <select name="term" defaultValue={term}>
            {loaderData.terms.map((k) => (
              <option key={k} value={k}>
                {termName(k)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button button-secondary">
          {t("pipeline.show")}
        </button>
        {unit.parentId ? <Link to={`?${new URLSearchParams({ unit: unit.parentId, term })}`}>{t("pipeline.up")}</Link> : null}
        {unit.elects ? <Link to={`/org/planning/${unit.id}/${term}/committees`}>{t("pipeline.committeesLink")}</Link> : null}
      </Form>

      <section aria-labelledby="stages-title">
        <h2 id="stages-title">{t("pipeline.stagesTitle")}</h2>
        <div className="table-scroll" tabIndex={0}>
          <table id="pipeline-table">
            <caption className="visually-hidden">{t("pipeline.tableCaption", { unit: unit.name, term: termName(term) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("pipeline.stage")}</th>
                <th scope="col" className="num">{t("pipeline.women")}</th>
                <th scope="col" className="num">{t("pipeline.men")}</th>
                <th scope="col" className="num">{t("pipeline.womenShare")}</th>
                <th scope="col">{t("pipeline.formula")}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t("pipeline.stage.members")}</th>
                <td className="num">{total.members === null ? t("pipeline.noReport") : <Link to={membersLink(unit.id)}>{formatInteger(total.members)}</Link>}</td>
                <td className="num">—</td>
                <td className="num">—</td>
                <td className="muted">{t("pipeline.formula.members", formula)}</td>
              </tr>
              {listedStages.map((s) => (
                <tr key={s}>
                  <th scope="row">{t(`pipeline.stage.${s}`)}</th>
                  <td className="num">{figure(total[s].female, s, "female")}</td>
                  <td className="num">{figure(total[s].male, s, "male")}</td>
                  <td className="num">{share(total[s].female, total[s].female + total[s].male)}</td>
                  <td className="muted">{t(`pipeline.formula.${s}`, formula)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <PipelineChart
          rows={chartRows}
          title={t("pipeline.chartTitle", { unit: unit.name, term: termName(term) })}
          description={chartRows.map((r) => t("pipeline.chartRow", { stage: r.label, women: r.female, men: r.male })).join("; ")}
          women={t("pipeline.women")}
          men={t("pipeline.men")}
        />
        <p className="muted">{t("pipeline.chartNote")}</p>
      </section>

      <section aria-labelledby="judged-title">
        <h2 id="judged-title">{t("pipeline.judgedTitle")}</h2>
        <ul>
          <li>
            {t("pipeline.plannedWomen", { share: share(total.planned.female, plannedAll), women: total.planned.female, total: plannedAll })}{" "}
            {targets.plannedWomen ? t(targets.plannedWomen.met ? "pipeline.targetMet" : "pipeline.targetMissed", { target: formatTarget(targets.plannedWomen.value), source: targets.plannedWomen.source }) : null}
          </li>
          <li>
            {t("pipeline.plannedWomenTrained", { share: share(total.plannedTrained.female, total.planned.female), trained: total.plannedTrained.female, women: total.planned.female })}{" "}
            {targets.plannedWomenTrained
              ? t(targets.plannedWomenTrained.met ? "pipeline.targetMet" : "pipeline.targetMissed", { target: formatTarget(targets.plannedWomenTrained.value), source: targets.plannedWomenTrained.source })
              : null}
          </li>
          <li>
            {t("pipeline.plannedWomenElected", { share: share(total.plannedElected.female, total.planned.female), elected: total.plannedElected.female, women: total.planned.female })}{" "}
            <Link to={stageLink("elected", "female")}>{t("pipeline.seeElected")}</Link>
          </li>
        </ul>
      </section>

      <section aria-labelledby="warnings-title">
        <h2 id="warnings-title">{t("pipeline.warningsTitle")}</h2>
        <ul className="links">
          {warningKinds.map((k) => (
            <li key={k}>
              {t(`pipeline.warningCount.${k}`)}: <Link to={`/org/planning/warnings?${new URLSearchParams({ ...params })}#${k}`}>{formatInteger(loaderData.warnings[k])}</Link>
            </li>
          ))}
        </ul>
      </section>

      {loaderData.childCount > 0 ? (
        <section aria-labelledby="children-title">
          <h2 id="children-title">{t("pipeline.childrenTitle")}</h2>
          <p className="muted">{t("pipeline.childrenOrder")}</p>
          <div className="table-scroll" tabIndex={0}>
            <table>
              <caption className="visually-hidden">{t("pipeline.childrenTitle")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("pipeline.unit")}</th>
                  <th scope="col" className="num">{t("pipeline.stage.members")}</th>
                  {listedStages.map((s) => (
                    <th key={s} scope="col" className="num">
                      {t(`pipeline.stage.${s}`)} ({t("pipeline.womenMen")})
                    </th>
                  ))}
                  <th scope="col" className="num">{t("pipeline.plannedWomenShare")}</th>
                </tr>
              </thead>
              <tbody>
                {children.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">
                      <Link to={`?${new URLSearchParams({ unit: c.id, term })}`}>{c.name}</Link>
                    </th>
                    <td className="num">{c.figures.members === null ? "—" : <Link to={membersLink(c.id)}>{formatInteger(c.figures.members)}</Link>}</td>
                    {listedStages.map((s) => (
                      <td key={s} className="num">
                        {figure(c.figures[s].female, s, "female", c.id)} / {figure(c.figures[s].male, s, "male", c.id)}
                      </td>
                    ))}
                    <td className="num">{formatShare(plannedWomenShare(c.figures as UnitFigures))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager page={loaderData.page} pages={loaderData.pages} link={(page) => `?${new URLSearchParams({ ...params, page: String(page) })}`} label={t("pipeline.childrenTitle")} />
        </section>
      ) : null}
    </>
  );
}
