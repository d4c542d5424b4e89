import { Children, isValidElement, useState, type ReactElement, type ReactNode } from "react";
import { useFetcher } from "react-router";
import { useT } from "#app/i18n/i18n.ts";
import { useLessonState } from "./lesson-context.tsx";

type SceneProps = { id: string; ending?: "good" | "poor"; children?: ReactNode };
type OptionProps = { to: string; children?: ReactNode };

// Scene and Option only carry structure; Scenario reads their props and renders one scene at a time.
export function Scene(_: SceneProps) {
  return null;
}
export function Option(_: OptionProps) {
  return null;
}

function elementsOf<P>(children: ReactNode, type: unknown): ReactElement<P>[] {
  return Children.toArray(children).filter((c): c is ReactElement<P> => isValidElement(c) && c.type === type);
}

export function Scenario({ id, title, start, children }: { id: string; title: string; start: string; children: ReactNode }) {
  const { t } = useT();
  const state = useLessonState();
  const fetcher = useFetcher();
  const scenes = new Map(elementsOf<SceneProps>(children, Scene).map((s) => [s.props.id, s.props]));
  const [path, setPath] = useState([start]);
  const scene = scenes.get(path[path.length - 1]!);
  if (!scene) return null;
  const body = Children.toArray(scene.children).filter((c) => !(isValidElement(c) && c.type === Option));
  const options = elementsOf<OptionProps>(scene.children, Option);

  const choose = (to: string) => {
    const next = [...path, to];
    setPath(next);
    if (scenes.get(to)?.ending && !state.preview) fetcher.submit({ intent: "scenario", scenarioId: id, path: JSON.stringify(next) }, { method: "post" });
  };

  return (
    <section className="scenario" aria-labelledby={`scenario-${id}`}>
      <h3 id={`scenario-${id}`}>{title}</h3>
      {state.endedScenarioIds.includes(id) ? <p className="badge badge-done">{t("scenario.reached")}</p> : null}
      <div className="scene" aria-live="polite">
        {body}
      </div>
      {options.length > 0 ? (
        <ul className="scenario-options">
          {options.map((option) => (
            <li key={option.props.to}>
              <button type="button" className="button button-secondary" data-to={option.props.to} onClick={() => choose(option.props.to)}>
                {option.props.children}
              </button>
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
