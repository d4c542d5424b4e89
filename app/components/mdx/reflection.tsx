import { useFetcher } from "react-router";
import { useT } from "#app/i18n/i18n.ts";
import { formKey, useLessonState } from "./lesson-context.tsx";

/** A short free-text answer, kept for the learner and readable by trainers. */
export function Reflection({ id, prompt }: { id: string; prompt: string }) {
  const { t } = useT();
  const state = useLessonState();
  const fetcher = useFetcher<{ intent: "reflection"; saved?: boolean; queued?: boolean }>();
  return (
    <section className="reflection">
      <fetcher.Form method="post" className="stack">
        <input type="hidden" name="intent" value="reflection" />
        <input type="hidden" name="activityId" value={id} />
        <input type="hidden" name="idempotencyKey" value={formKey(state, `reflection.${id}`)} />
        <label className="field">
          <span>{prompt}</span>
          <textarea name="value" rows={4} maxLength={4000} defaultValue={state.responses[`reflection:${id}`] ?? ""} required />
        </label>
        <button type="submit" className="button button-secondary" disabled={state.preview || fetcher.state !== "idle"}>
          {t("reflection.save")}
        </button>
        <p role="status">{fetcher.data?.saved ? t("reflection.saved") : fetcher.data?.queued ? t("lesson.waitingSync") : null}</p>
      </fetcher.Form>
    </section>
  );
}
