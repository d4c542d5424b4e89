import { Form, Link, data, redirect } from "react-router";
import { forbidden, requireUser } from "#app/auth/auth.server.ts";
import { db } from "#app/db.server.ts";
import { importLimit } from "#app/http/body-limit.server.ts";
import { readForm } from "#app/http/read-form.server.ts";
import { metaT, pageTitle, useT } from "#app/i18n/i18n.ts";
import { importMessages } from "#app/i18n/vi/import.ts";
import { createImportJob, startImportStep, type ImportKindName } from "#app/import/importer.server.ts";
import { allowedKinds, importScope, recentJobs } from "#app/import/jobs.server.ts";
import type { Route } from "./+types/index";
import "#app/styles/tables.css";

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireUser({ request, context });
  const kinds = allowedKinds(user.roles);
  if (kinds.length === 0) forbidden();
  return { kinds, jobs: await recentJobs(db, user.id) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = requireUser({ request, context });
  const kinds = allowedKinds(user.roles);
  if (kinds.length === 0) forbidden();
  // The one form that takes a file: the larger limit is read here only, streamed and cut off at the limit (413).
  const form = await readForm(request, importLimit);
  const kind = form.get("kind") as ImportKindName;
  const file = form.get("file");
  if (!kinds.includes(kind)) throw data(null, { status: 400 });
  if (!(file instanceof File) || file.name === "") return data({ error: "import.noFile" as const }, { status: 400 });
  const job = await createImportJob(db, { userId: user.id, unitId: importScope(user.roles, kind)!.unitId, kind, fileName: file.name.slice(0, 200), content: new Uint8Array(await file.arrayBuffer()) });
  void startImportStep(db, job.id, "check");
  return redirect(`/org/import/${job.id}`);
}

export const meta: Route.MetaFunction = ({ matches }) => {
  const t = metaT(matches, importMessages);
  return [pageTitle(t, t("import.title"))];
};

export default function ImportPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, dateTime } = useT(importMessages);
  const { kinds, jobs } = loaderData;
  return (
    <>
      <h1>{t("import.title")}</h1>
      <p className="lead">{t("import.intro")}</p>
      <Form method="post" encType="multipart/form-data" className="stack narrow">
        <label className="field">
          <span>{t("import.kind")}</span>
          <select name="kind">
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(`import.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t("import.file")}</span>
          <input type="file" name="file" accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv" />
          {actionData?.error ? <span className="field-error">{t(actionData.error)}</span> : null}
        </label>
        <button type="submit" className="button">
          {t("import.upload")}
        </button>
      </Form>
      <h2>{t("import.templates")}</h2>
      <ul className="links">
        {kinds.map((k) => (
          <li key={k}>
            <a href={`/org/import/template/${k}`} download>
              {t("import.template", { kind: t(`import.kind.${k}`) })}
            </a>
          </li>
        ))}
      </ul>
      {jobs.length > 0 ? (
        <>
          <h2>{t("import.recent")}</h2>
          <div className="table-scroll" tabIndex={0}>
            <table>
              <caption className="visually-hidden">{t("import.recent")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("import.col.file")}</th>
                  <th scope="col">{t("import.kind")}</th>
                  <th scope="col">{t("import.status")}</th>
                  <th scope="col">{t("import.col.at")}</th>
                </tr>
              </thead>
              <tbody>
                {jobs.map((job) => (
                  <tr key={job.id}>
                    <th scope="row">
                      <Link to={`/org/import/${job.id}`}>{job.fileName}</Link>
                    </th>
                    <td>{t(`import.kind.${job.kind as ImportKindName}`)}</td>
                    <td>{t(`import.status.${job.status as "done"}`)}</td>
                    <td>{dateTime(job.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </>
  );
}
