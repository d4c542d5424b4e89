import { useState } from "react";
import { useFetcher } from "react-router";
import type { ChecklistIsland } from "#app/courses/lesson-parts.ts";
import { newIdempotencyKey } from "#app/http/idempotency-key.ts";
import { useLessonState } from "./lesson-context.tsx";

/** Steps of a procedure; the ticks are saved for the learner and come back on every device. */
export function Checklist({ id, title, steps }: ChecklistIsland) {
  const state = useLessonState();
  const fetcher = useFetcher();
  const saved = JSON.parse(state.responses[`checklist:${id}`] ?? "[]") as number[];
  const [checked, setChecked] = useState(() => new Set(saved));

  const toggle = (index: number) => {
    const next = new Set(checked);
    if (next.has(index)) next.delete(index);
    else next.add(index);
    setChecked(next);
    if (!state.preview) fetcher.submit({ intent: "checklist", activityId: id, value: JSON.stringify([...next].sort()), idempotencyKey: newIdempotencyKey() }, { method: "post" });
  };

  return (
    <section className="checklist">
      <h3>{title}</h3>
      <ol>
        {steps.map((html, index) => (
          <li key={index}>
            <label className="choice">
              <input type="checkbox" checked={checked.has(index)} onChange={() => toggle(index)} />
              <span dangerouslySetInnerHTML={{ __html: html }} />
            </label>
          </li>
        ))}
      </ol>
    </section>
  );
}
