import { useEffect, useRef, useState } from "react";
import { Form, Link, useLocation } from "react-router";
import type { ScenarioIsland, ScenarioStep } from "#app/courses/lesson-parts.ts";
import { scenarioParam, scenarioStep } from "#app/courses/scenario-step.ts";
import { useT } from "#app/i18n/i18n.ts";
import { scenarioMessages } from "#app/i18n/vi/scenario.ts";
import { formKey, useLessonState } from "./lesson-context.tsx";

/**
 * A branching role-play, one scene at a time. On a learner's page each choice is a link to the same
 * lesson with the path in its address, and the choice that reaches an ending is a form that records
 * the path: it plays without JavaScript, and only the scene shown travels. The author's preview has
 * the whole scenario and plays it in place.
 */
export function Scenario(props: ScenarioIsland | ScenarioStep) {
  return "scenes" in props ? <PlayInPlace scenario={props} /> : <ScenarioScene step={props} />;
}

function PlayInPlace({ scenario }: { scenario: ScenarioIsland }) {
  const [path, setPath] = useState([scenario.start]);
  return <ScenarioScene step={scenarioStep(scenario, path.join(","))} choose={(to) => setPath(to === null ? [scenario.start] : [...path, to])} />;
}

function ScenarioScene({ step, choose }: { step: ScenarioStep; choose?: (to: string | null) => void }) {
  const { t } = useT(scenarioMessages);
  const state = useLessonState();
  const { search } = useLocation();
  const heading = `scenario-${step.id}`;
  // After a choice the one pressed is gone: focus goes to the scene's heading, where reading goes on.
  const title = useRef<HTMLHeadingElement>(null);
  const at = step.path.join(",");
  const shown = useRef(at);
  useEffect(() => {
    if (shown.current !== at) title.current?.focus();
    shown.current = at;
  }, [at]);
  const href = (path: string[]) => {
    const params = new URLSearchParams(search);
    params.set(scenarioParam(step.id), path.join(","));
    return `?${params}#${heading}`;
  };
  return (
    <section className="scenario" aria-labelledby={heading}>
      <h3 id={heading} ref={title} tabIndex={-1}>
        {step.title}
      </h3>
      {state.endedScenarioIds.includes(step.id) ? <p className="badge badge-done">{t("scenario.reached")}</p> : null}
      <div className="scene" dangerouslySetInnerHTML={{ __html: step.html }} />
      {step.options.length > 0 ? (
        <ul className="scenario-options">
          {step.options.map((option) => {
            const path = [...step.path, option.to];
            const label = { dangerouslySetInnerHTML: { __html: option.html } };
            return (
              <li key={option.to}>
                {choose ? (
                  <button type="button" className="button button-secondary" data-to={option.to} onClick={() => choose(option.to)} {...label} />
                ) : option.ends ? (
                  <Form method="post" action={href(path)}>
                    <input type="hidden" name="intent" value="scenario" />
                    <input type="hidden" name="scenarioId" value={step.id} />
                    <input type="hidden" name="path" value={JSON.stringify(path)} />
                    <input type="hidden" name="idempotencyKey" value={formKey(state, `scenario.${step.id}`)} />
                    <button type="submit" className="button button-secondary" data-to={option.to} {...label} />
                  </Form>
                ) : (
                  <Link className="button button-secondary" to={href(path)} data-to={option.to} {...label} />
                )}
              </li>
            );
          })}
        </ul>
      ) : (
        <div className={`scenario-ending scenario-ending-${step.ending}`}>
          <p>
            <strong>{t(step.ending === "good" ? "scenario.goodEnding" : "scenario.poorEnding")}</strong>
          </p>
          {choose ? (
            <button type="button" className="button" onClick={() => choose(null)}>
              {t("scenario.restart")}
            </button>
          ) : (
            <Link className="button" to={href(step.path.slice(0, 1))}>
              {t("scenario.restart")}
            </Link>
          )}
        </div>
      )}
    </section>
  );
}
