import { Link } from "react-router";
import { db } from "#app/db.server.ts";
import { pipelineScope } from "#app/planning/pipeline-scope.server.ts";
import { metaT, pageTitle, useT } from "#app/i18n/i18n.ts";
import { formatShare, formatTarget } from "#app/i18n/numbers.ts";
import { peopleMessages } from "#app/i18n/vi/people.ts";
import { pipelineMessages } from "#app/i18n/vi/pipeline.ts";
import { planningMessages } from "#app/i18n/vi/planning.ts";
import { positionLabel } from "#app/people/positions.ts";
import { committeeLabel } from "#app/planning/positions.ts";
import type { Warning } from "#app/planning/rules.ts";
import { termName } from "#app/planning/terms.ts";
import { subtreeWarnings } from "#app/planning/warnings.server.ts";
import { warningKinds, type WarningKind } from "#app/planning/pipeline.ts";
import type { Route } from "./+types/planning-warnings";

export async function loader({ request, context }: Route.LoaderArgs) {
  const { unit, term, today } = await pipelineScope({ request, context });
  const found = await subtreeWarnings(db, unit, term, today);
  return { unit: { id: unit.id, name: unit.name }, term: term.key, lists: found.lists, committees: found.committees };
}

export const meta: Route.MetaFunction = ({ matches }) => {
  const t = metaT(matches, pipelineMessages);
  return [pageTitle(t, t("pipeline.warningsTitle"))];
};

type ListWarning = { unit: { id: string; name: string }; warning: Warning; person: string | null };

export default function PlanningWarnings({ loaderData }: Route.ComponentProps) {
  const { t } = useT(pipelineMessages, planningMessages, peopleMessages);
  const { unit, term, lists, committees } = loaderData;
  const listLink = (unitId: string) => `/org/planning/${unitId}/${term}`;
  const text = ({ warning: w, person }: ListWarning) => {
    switch (w.kind) {
      case "over-per-position":
        return t("planning.warning.over-per-position", { position: t(positionLabel(w.position)), count: w.count, limit: w.limit, source: w.source });
      case "over-positions-per-person":
        return t("planning.warning.over-positions-per-person", { name: person ?? "", count: w.count, limit: w.limit, source: w.source });
      case "women-share":
        return t("planning.warning.women-share", { share: formatShare(w.women / w.total), women: w.women, total: w.total, body: t(`planning.body.${w.body}`), minimum: formatTarget(w.minimum), source: w.source });
      case "young-share":
        return t("planning.warning.young-share", { share: formatShare(w.young / w.total), young: w.young, total: w.total, body: t(`planning.body.${w.body}`), minimum: formatTarget(w.minimum), source: w.source });
      case "ages-out":
        return t("planning.warning.ages-out", { name: person ?? "", source: w.source });
    }
  };
  const ofKind = (kind: WarningKind) => lists.filter((l) => l.warning.kind === kind);
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/org/pipeline?${new URLSearchParams({ unit: unit.id, term })}`}>← {t("pipeline.title")}</Link>
      </p>
      <h1>{t("pipeline.warningsTitle")}</h1>
      <p className="lead">{t("pipeline.warningsScope", { unit: unit.name, term: termName(term) })}</p>
      {warningKinds.map((kind) => {
        const items =
          kind === "committee-women"
            ? committees.map((c) => ({
                unitId: c.unit.id,
                unit: c.unit.name,
                text: t("planning.warning.committee-women", { share: formatShare(c.warning.women / c.warning.total), women: c.warning.women, total: c.warning.total, committee: t(committeeLabel(c.kind)), minimum: formatTarget(c.warning.minimum), source: c.warning.source }),
                link: `/org/planning/${c.unit.id}/${term}/committees`,
              }))
            : ofKind(kind).map((l) => ({ unitId: l.unit.id, unit: l.unit.name, text: text(l), link: listLink(l.unit.id) }));
        return (
          <section key={kind} id={kind} aria-labelledby={`${kind}-title`}>
            <h2 id={`${kind}-title`}>
              {t(`pipeline.warningCount.${kind}`)} ({items.length})
            </h2>
            {items.length === 0 ? (
              <p className="muted">{t("pipeline.noWarnings")}</p>
            ) : (
              <ul>
                {items.map((item, i) => (
                  <li key={`${item.unitId}-${i}`}>
                    <Link to={item.link}>{item.unit}</Link>: {item.text}
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </>
  );
}
