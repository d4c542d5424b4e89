import { useT } from "#app/i18n/i18n.ts";
import { classesMessages } from "#app/i18n/vi/classes.ts";
import type { StoredForm } from "#app/offline/queue-store.ts";
import { useStoredCopy } from "#app/offline/use-stored-copy.ts";

/**
 * "Keep this form for recording offline": the service worker stores the unit's class form, roster included, and
 * shows it when there is no connection; a class recorded there waits on the phone (ADR 018). Like the course
 * download it needs JavaScript and a service worker, so the server renders nothing.
 */
export function ClassFormOffline({ unitId }: { unitId: string }) {
  const { t, dateTime } = useT(classesMessages);
  const { supported, copy: stored, state, run } = useStoredCopy<StoredForm>({ type: "forms" }, (list) => list.find((f) => f.unitId === unitId) ?? null, unitId);
  if (!supported) return null;
  return (
    <section className="offline-box" aria-labelledby="class-offline-title">
      <h2 id="class-offline-title">{t("classes.offline.title")}</h2>
      <p className="muted">{t("classes.offline.hint")}</p>
      {stored ? <p role="status">{t("classes.offline.stored", { at: dateTime(new Date(stored.savedAt)) })}</p> : null}
      {state === "busy" ? <p role="status">{t("classes.offline.storing")}</p> : null}
      {state === "failed" || state === "notServed" ? (
        <p role="alert" className="form-error">
          {t(state === "failed" ? "classes.offline.failed" : "classes.offline.notServed")}
        </p>
      ) : null}
      <p className="offline-actions">
        <button type="button" className="button" disabled={state === "busy"} onClick={() => void run({ type: "store-form", unitId })}>
          {t(stored ? "classes.offline.update" : "classes.offline.store")}
        </button>
        {stored ? (
          <button type="button" className="button button-secondary" disabled={state === "busy"} onClick={() => void run({ type: "forget-form", unitId })}>
            {t("classes.offline.remove")}
          </button>
        ) : null}
      </p>
    </section>
  );
}
