import { useEffect, useState } from "react";
import { useT } from "#app/i18n/i18n.ts";
import { classesMessages } from "#app/i18n/vi/classes.ts";
import type { StoredForm } from "#app/offline/queue-store.ts";
import type { WorkerMessage } from "#app/offline/sw-responses.ts";
import { askWorker, registerWorkerWhenIdle } from "#app/offline/worker-client.ts";

/**
 * "Keep this form for recording offline": the service worker stores the unit's class form, roster included, and
 * shows it when there is no connection; a class recorded there waits on the phone (ADR 018). Like the course
 * download it needs JavaScript and a service worker, so the server renders nothing.
 */
export function ClassFormOffline({ unitId }: { unitId: string }) {
  const { t, dateTime } = useT(classesMessages);
  const [supported, setSupported] = useState(false);
  const [stored, setStored] = useState<StoredForm | null>(null);
  const [state, setState] = useState<"idle" | "busy" | "failed">("idle");

  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    setSupported(true);
    registerWorkerWhenIdle();
    if (navigator.serviceWorker.controller) void askWorker<StoredForm[]>({ type: "forms" }).then((list) => setStored(list.find((f) => f.unitId === unitId) ?? null));
  }, [unitId]);

  if (!supported) return null;
  const run = async (message: WorkerMessage) => {
    setState("busy");
    const list = await askWorker<StoredForm[] | null>(message);
    setState(list ? "idle" : "failed");
    if (list) setStored(list.find((f) => f.unitId === unitId) ?? null);
  };
  return (
    <section className="offline-box" aria-labelledby="class-offline-title">
      <h2 id="class-offline-title">{t("classes.offline.title")}</h2>
      <p className="muted">{t("classes.offline.hint")}</p>
      {stored ? <p role="status">{t("classes.offline.stored", { at: dateTime(new Date(stored.savedAt)) })}</p> : null}
      {state === "busy" ? <p role="status">{t("classes.offline.storing")}</p> : null}
      {state === "failed" ? <p role="alert" className="form-error">{t("classes.offline.failed")}</p> : null}
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
