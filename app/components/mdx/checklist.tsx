import { Children, isValidElement, useState, type ReactNode } from "react";
import { useFetcher } from "react-router";
import { useLessonState } from "./lesson-context.tsx";

export function Step({ children }: { children?: ReactNode }) {
  return <>{children}</>;
}

/** Steps of a procedure; the ticks are saved for the learner and come back on every device. */
export function Checklist({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  const state = useLessonState();
  const fetcher = useFetcher();
  const saved = JSON.parse(state.responses[`checklist:${id}`] ?? "[]") as number[];
  const [checked, setChecked] = useState(() => new Set(saved));
  const steps = Children.toArray(children).filter((c) => isValidElement(c) && c.type === Step);

  const toggle = (index: number) => {
    const next = new Set(checked);
    if (next.has(index)) next.delete(index);
    else next.add(index);
    setChecked(next);
    if (!state.preview) fetcher.submit({ intent: "checklist", activityId: id, value: JSON.stringify([...next].sort()) }, { method: "post" });
  };

  return (
    <section className="checklist">
      <h3>{title}</h3>
      <ol>
        {steps.map((step, index) => (
          <li key={index}>
            <label className="choice">
              <input type="checkbox" checked={checked.has(index)} onChange={() => toggle(index)} />
              <span>{step}</span>
            </label>
          </li>
        ))}
      </ol>
    </section>
  );
}
