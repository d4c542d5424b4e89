import { Link, data } from "react-router";
import { z } from "zod";
import { notFound } from "#app/auth/auth.server.ts";
import { pipelineScope } from "#app/planning/pipeline-scope.server.ts";
import { Pager } from "#app/components/pager.tsx";
import { getCatalog } from "#app/courses/catalog-instance.server.ts";
import { db } from "#app/db.server.ts";
import { metaT, pageTitle, useT } from "#app/i18n/i18n.ts";
import { formatInteger } from "#app/i18n/numbers.ts";
import { pipelineMessages } from "#app/i18n/vi/pipeline.ts";
import { pipelineDays, stagePeople } from "#app/planning/pipeline.server.ts";
import { genders, listedStages } from "#app/planning/pipeline.ts";
import { termName } from "#app/planning/terms.ts";
import type { Route } from "./+types/pipeline-stage";
import "#app/styles/tables.css";

const query = z.object({ gender: z.enum(genders), page: z.coerce.number().int().min(1).catch(1) });

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { unit, term, today } = await pipelineScope({ request, context });
  const stage = listedStages.find((s) => s === params.stage);
  if (!stage) notFound();
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw data(null, { status: 400 });
  const found = await stagePeople(db, unit, term, stage, parsed.data.gender, parsed.data.page, today, await getCatalog());
  return {
    unit: { id: unit.id, name: unit.name },
    term: term.key,
    stage,
    gender: parsed.data.gender,
    day: pipelineDays(term, today).day.toISOString(),
    ...found,
  };
}

export const meta: Route.MetaFunction = ({ matches }) => {
  const t = metaT(matches, pipelineMessages);
  return [pageTitle(t, t("pipeline.title"))];
};

export default function PipelineStage({ loaderData }: Route.ComponentProps) {
  const { t, date } = useT(pipelineMessages);
  const { unit, term, stage, gender, rows } = loaderData;
  const title = t("pipeline.listTitle", { stage: t(`pipeline.stage.${stage}`), gender: t(gender === "female" ? "pipeline.women" : "pipeline.men") });
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/org/pipeline?${new URLSearchParams({ unit: unit.id, term })}`}>← {t("pipeline.title")}</Link>
      </p>
      <h1>{title}</h1>
      <p className="lead">{t("pipeline.scope", { unit: unit.name, term: termName(term), day: date(loaderData.day) })}</p>
      <p className="muted">{t(`pipeline.formula.${stage}`, { day: date(loaderData.day), term: termName(term), period: "" })}</p>
      <p>{t("pipeline.listCount", { count: formatInteger(loaderData.total) })}</p>
      {rows.length > 0 ? (
        <div className="table-scroll" tabIndex={0}>
          <table>
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t("pipeline.name")}</th>
                <th scope="col">{t("pipeline.homeUnit")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <Link to={`/org/people/${r.id}`}>{r.name}</Link>
                  </th>
                  <td>{r.unit}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <Pager
        page={loaderData.page}
        pages={loaderData.pages}
        link={(page) => `?${new URLSearchParams({ unit: unit.id, term, gender, page: String(page) })}`}
        label={title}
      />
    </>
  );
}
