import { useT } from "#app/i18n/i18n.ts";
import { formatInteger } from "#app/i18n/numbers.ts";
import { offlineMessages } from "#app/i18n/vi/offline.ts";
import type { Download } from "#app/offline/queue-store.ts";
import { useStoredCopy } from "#app/offline/use-stored-copy.ts";

/**
 * The course page's "download for offline study": the service worker stores every page of the course (ADR 018).
 * It needs JavaScript and a service worker, so the server renders nothing and the box appears once they are there.
 */
export function OfflineDownload({ slug }: { slug: string }) {
  const { t, dateTime } = useT(offlineMessages);
  const { supported, copy, state, run } = useStoredCopy<Download>({ type: "downloads" }, (list) => list.find((d) => d.slug === slug) ?? null, slug);
  if (!supported) return null;
  return (
    <section className="offline-box" aria-labelledby="offline-title">
      <h2 id="offline-title">{t("offline.title")}</h2>
      <p className="muted">{t("offline.hint")}</p>
      {copy ? <p role="status">{t("offline.downloaded", { size: formatInteger(copy.bytes / 1_048_576), at: dateTime(new Date(copy.savedAt)) })}</p> : null}
      {state === "busy" ? <p role="status">{t("offline.downloading")}</p> : null}
      {state === "failed" || state === "notServed" ? (
        <p role="alert" className="form-error">
          {t(state === "failed" ? "offline.failed" : "offline.notServed")}
        </p>
      ) : null}
      <p className="offline-actions">
        <button type="button" className="button" disabled={state === "busy"} onClick={() => void run({ type: "download", slug })}>
          {t(copy ? "offline.update" : "offline.download")}
        </button>
        {copy ? (
          <button type="button" className="button button-secondary" disabled={state === "busy"} onClick={() => void run({ type: "remove", slug })}>
            {t("offline.remove")}
          </button>
        ) : null}
      </p>
    </section>
  );
}
