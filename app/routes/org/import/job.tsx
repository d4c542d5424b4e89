import { Form, Link, data, redirect } from "react-router";
import { requireUser } from "#app/auth/auth.server.ts";
import { ProgressBar } from "#app/components/progress-bar.tsx";
import { db } from "#app/db.server.ts";
import { readForm } from "#app/http/read-form.server.ts";
import { metaT, pageTitle, useT } from "#app/i18n/i18n.ts";
import { importMessages } from "#app/i18n/vi/import.ts";
import { claimForApply, startImportStep } from "#app/import/importer.server.ts";
import { allowedKinds, requireOwnJob } from "#app/import/jobs.server.ts";
import type { Route } from "./+types/job";
import "#app/styles/tables.css";

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const user = requireUser({ request, context });
  const job = await requireOwnJob(db, user.id, params.id);
  return { job };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const user = requireUser({ request, context });
  const job = await requireOwnJob(db, user.id, params.id);
  // The importer's permission is checked again at confirmation: a role withdrawn since the upload stops it.
  if (!allowedKinds(user.roles).includes(job.kind)) throw data(null, { status: 404 });
  await readForm(request);
  if (await claimForApply(db, job.id)) void startImportStep(db, job.id, "apply");
  return redirect(`/org/import/${job.id}`);
}

export const meta: Route.MetaFunction = ({ matches, loaderData }) => {
  const t = metaT(matches, importMessages);
  return [
    pageTitle(t, t("import.title")),
    // Without JavaScript too, the page follows a running import by reloading itself.
    ...(loaderData && ["checking", "running"].includes(loaderData.job.status) ? [{ httpEquiv: "refresh", content: "2" } as const] : []),
  ];
};

export default function ImportJob({ loaderData }: Route.ComponentProps) {
  const { t } = useT(importMessages);
  const { job } = loaderData;
  const summary = job.summary;
  const counts = summary ? { created: summary.created, updated: summary.updated, unchanged: summary.unchanged } : null;
  return (
    <>
      <h1>{t("import.jobTitle", { kind: t(`import.kind.${job.kind}`), file: job.fileName })}</h1>
      {job.status === "checking" ? (
        <>
          <ProgressBar done={0} total={0} label={t("import.checking", { processed: job.processed })} />
          <p className="muted">{t("import.refreshHint")}</p>
        </>
      ) : null}
      {job.status === "running" ? (
        <>
          <ProgressBar done={job.processed} total={Math.max(job.rows, 1)} label={t("import.running", { processed: job.processed, rows: job.rows })} />
          <p className="muted">{t("import.refreshHint")}</p>
        </>
      ) : null}
      {summary?.fileError ? <p role="alert">{t(summary.fileError.key, summary.fileError.params)}</p> : null}
      {job.status === "failed" && !summary?.fileError && summary?.errorCount === 0 ? <p role="alert">{t("import.failed")}</p> : null}
      {summary && summary.errorCount > 0 ? (
        <>
          <p role="alert">{t("import.previewErrors", { count: summary.errorCount })}</p>
          <div className="table-scroll" tabIndex={0}>
            <table>
              <caption className="visually-hidden">{t("import.errorsCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("import.row")}</th>
                  <th scope="col">{t("import.column")}</th>
                  <th scope="col">{t("import.problem")}</th>
                </tr>
              </thead>
              <tbody>
                {summary.errors.map((e, i) => (
                  <tr key={i}>
                    <th scope="row" className="num">
                      {e.row}
                    </th>
                    <td>{e.column}</td>
                    <td>{t(e.message.key, e.message.params)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {summary.errorCount > summary.errors.length ? <p>{t("import.moreErrors", { count: summary.errorCount - summary.errors.length })}</p> : null}
        </>
      ) : null}
      {job.status === "previewed" && counts && summary?.errorCount === 0 ? (
        <Form method="post" className="stack">
          <p role="status">{t("import.previewOk", { rows: job.rows, ...counts })}</p>
          <button type="submit" className="button">
            {t("import.confirm")}
          </button>
        </Form>
      ) : null}
      {job.status === "done" && counts ? <p role="status">{counts.created + counts.updated === 0 ? t("import.nothingChanged") : t("import.done", counts)}</p> : null}
      <p>
        <Link to="/org/import">{t("import.another")}</Link>
      </p>
    </>
  );
}
