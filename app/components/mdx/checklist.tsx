import type { ChangeEvent } from "react";
import { useFetcher } from "react-router";
import type { ChecklistIsland } from "#app/courses/lesson-parts.ts";
import { newIdempotencyKey } from "#app/http/idempotency-key.ts";
import { useT } from "#app/i18n/i18n.ts";
import { formKey, useLessonState } from "./lesson-context.tsx";

/**
 * Steps of a procedure; the ticks are saved for the learner and come back on every device. A form of
 * checkboxes: without JavaScript its button saves the ticks; with it, each tick is saved as it is made
 * (under a key of its own, so that ticking twice is two changes) and the button is hidden.
 */
export function Checklist({ id, title, steps }: ChecklistIsland) {
  const { t } = useT();
  const state = useLessonState();
  const fetcher = useFetcher<{ saved?: boolean }>();
  const saved = new Set(JSON.parse(state.responses[`checklist:${id}`] ?? "[]") as number[]);
  const heading = `checklist-${id}`;

  const saveTick = (event: ChangeEvent<HTMLInputElement>) => {
    if (state.preview) return;
    const form = new FormData(event.currentTarget.form!);
    form.set("idempotencyKey", newIdempotencyKey());
    void fetcher.submit(form, { method: "post" });
  };

  return (
    <section className="checklist" aria-labelledby={heading}>
      <h3 id={heading}>{title}</h3>
      <fetcher.Form method="post">
        <input type="hidden" name="intent" value="checklist" />
        <input type="hidden" name="activityId" value={id} />
        <input type="hidden" name="idempotencyKey" value={formKey(state, `checklist.${id}`)} />
        <ol>
          {steps.map((html, index) => (
            <li key={index}>
              <label className="choice">
                <input type="checkbox" name="step" value={index} defaultChecked={saved.has(index)} onChange={saveTick} />
                <span dangerouslySetInnerHTML={{ __html: html }} />
              </label>
            </li>
          ))}
        </ol>
        {/* Each tick saves itself with JavaScript: say so to a screen reader. */}
        <p role="status" className="visually-hidden">{fetcher.state === "idle" && fetcher.data?.saved ? t("reflection.saved") : null}</p>
        {state.preview ? null : (
          <button type="submit" className="button button-secondary checklist-save">
            {t("checklist.save")}
          </button>
        )}
      </fetcher.Form>
    </section>
  );
}
