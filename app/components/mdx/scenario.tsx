import { useState } from "react";
import { useFetcher } from "react-router";
import type { ScenarioIsland } from "#app/courses/lesson-parts.ts";
import { useT } from "#app/i18n/i18n.ts";
import { newIdempotencyKey } from "#app/http/idempotency-key.ts";
import { useLessonState } from "./lesson-context.tsx";
import { scenarioMessages } from "#app/i18n/vi/scenario.ts";

/** A branching role-play: one scene at a time; reaching an ending records the path taken. */
export function Scenario({ id, title, start, scenes }: ScenarioIsland) {
  const { t } = useT(scenarioMessages);
  const state = useLessonState();
  const fetcher = useFetcher();
  const byId = new Map(scenes.map((s) => [s.id, s]));
  const [path, setPath] = useState([start]);
  const scene = byId.get(path[path.length - 1]!);
  if (!scene) return null;

  const choose = (to: string) => {
    const next = [...path, to];
    setPath(next);
    if (byId.get(to)?.ending && !state.preview) fetcher.submit({ intent: "scenario", scenarioId: id, path: JSON.stringify(next), idempotencyKey: newIdempotencyKey() }, { method: "post" });
  };

  return (
    <section className="scenario" aria-labelledby={`scenario-${id}`}>
      <h3 id={`scenario-${id}`}>{title}</h3>
      {state.endedScenarioIds.includes(id) ? <p className="badge badge-done">{t("scenario.reached")}</p> : null}
      <div className="scene" aria-live="polite" dangerouslySetInnerHTML={{ __html: scene.html }} />
      {scene.options.length > 0 ? (
        <ul className="scenario-options">
          {scene.options.map((option) => (
            <li key={option.to}>
              <button
                type="button"
                className="button button-secondary"
                data-to={option.to}
                onClick={() => choose(option.to)}
                dangerouslySetInnerHTML={{ __html: option.html }}
              />
            </li>
          ))}
        </ul>
      ) : (
        <div className={`scenario-ending scenario-ending-${scene.ending}`}>
          <p>
            <strong>{t(scene.ending === "good" ? "scenario.goodEnding" : "scenario.poorEnding")}</strong>
          </p>
          <button type="button" className="button" onClick={() => setPath([start])}>
            {t("scenario.restart")}
          </button>
        </div>
      )}
    </section>
  );
}
