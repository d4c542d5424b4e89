import { Form, Link, data, redirect, useNavigation } from "react-router";
import { z } from "zod";
import { forbidden, notFound, requirePermission, requireUser } from "#app/auth/auth.server.ts";
import { addDraftLesson, newLessonForm, requireAuthoredCourse } from "#app/authoring/drafts.server.ts";
import { checkDraft, courseVersions, publishDraft, restoreVersion, setRecertification } from "#app/authoring/publish.server.ts";
import { invalidateCatalog } from "#app/courses/catalog-instance.server.ts";
import { formatIssue } from "#app/courses/content-error.ts";
import { courseFileName } from "#app/courses/content.server.ts";
import { db } from "#app/db.server.ts";
import { metaT, pageTitle, useT } from "#app/i18n/i18n.ts";
import { authorMessages } from "#app/i18n/vi/author.ts";
import type { Route } from "./+types/course";
import "#app/styles/tables.css";
import "#app/styles/authoring.css";
import { readForm } from "#app/http/read-form.server.ts";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = requireUser({ request, context });
  requirePermission(user, "course:write");
  const course = await requireAuthoredCourse(db, params.slug, user.roles);
  const [check, versions] = await Promise.all([
    course.source === "app" ? checkDraft(course.slug, course.files) : null,
    courseVersions(db, course.id),
  ]);
  return {
    course: { slug: course.slug, title: course.title, source: course.source, version: course.version, manageable: course.manageable },
    files: course.drafts.map((d) => ({ name: d.name, updatedAt: d.updatedAt.toISOString() })),
    issues: check && !check.ok ? check.issues.map(formatIssue) : [],
    versions: versions.map((v) => ({ version: v.version, publishedAt: v.publishedAt.toISOString(), requiresRecertification: v.requiresRecertification, restorable: v.snapshot !== null })),
  };
}

const intents = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("publish") }),
  z.object({ intent: z.literal("addLesson"), name: z.string(), title: z.string() }),
  z.object({ intent: z.literal("restore"), version: z.coerce.number().int().min(1) }),
  z.object({ intent: z.literal("recertify"), version: z.coerce.number().int().min(1), required: z.enum(["true", "false"]) }),
]);

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = requireUser({ request, context });
  requirePermission(user, "course:write");
  const course = await requireAuthoredCourse(db, params.slug, user.roles);
  if (!course.manageable) forbidden();
  const parsed = intents.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) throw data(null, { status: 400 });
  const form = parsed.data;
  if (form.intent === "recertify") {
    if (!(await setRecertification(db, user.id, course, form.version, form.required === "true"))) notFound();
    invalidateCatalog();
    return redirect(`/author/${course.slug}`);
  }
  // Shipped courses live in content/ and change through code review, not here.
  if (course.source !== "app") forbidden();
  if (form.intent === "addLesson") {
    const lesson = newLessonForm.safeParse(form);
    if (!lesson.success || course.files[`${lesson.data.name}.mdx`] !== undefined)
      return data({ intent: "addLesson" as const, error: "author.lessonInvalid" as const }, { status: 400 });
    await addDraftLesson(db, course.id, lesson.data, course.files[courseFileName] ?? "");
    return redirect(`/author/${course.slug}/files/${lesson.data.name}.mdx`);
  }
  if (form.intent === "restore") {
    if (!(await restoreVersion(db, user.id, course, form.version))) notFound();
    return redirect(`/author/${course.slug}`);
  }
  const outcome = await publishDraft(db, user.id, course, course.files);
  invalidateCatalog();
  if (!outcome.ok) return data({ intent: "publish" as const, issues: outcome.issues.map(formatIssue) }, { status: 400 });
  return { intent: "publish" as const, published: outcome.version, changed: outcome.changed };
}

export const meta: Route.MetaFunction = ({ matches, loaderData }) => {
  const t = metaT(matches, authorMessages);
  return [pageTitle(t, loaderData?.course.title, t("author.title"))];
};

export default function AuthorCourse({ loaderData, actionData }: Route.ComponentProps) {
  const { t, date } = useT(authorMessages);
  const busy = useNavigation().state !== "idle";
  const { course, files, versions } = loaderData;
  const editable = course.source === "app";
  const issues = actionData && "issues" in actionData ? actionData.issues : loaderData.issues;
  return (
    <>
      <nav className="breadcrumb">
        <Link to="/author">{t("author.title")}</Link>
      </nav>
      <h1>{course.title}</h1>
      <p className="muted">
        {t(editable ? "author.sourceApp" : "author.sourceContent")} ·{" "}
        {course.version > 0 ? t("author.version", { version: course.version }) : t("author.unpublished")}
      </p>
      <p className="links">
        <Link to={`/author/${course.slug}/reflections`}>{t("author.reflections")}</Link>
      </p>
      {actionData && "published" in actionData ? (
        <p role="status" className="completed-banner">
          {t(actionData.changed ? "author.published" : "author.noChanges", { version: actionData.published })}
        </p>
      ) : null}

      {editable ? (
        <>
          <h2>{t("author.files")}</h2>
          <ul className="lesson-list">
            {files.map((file) => (
              <li key={file.name}>
                <Link to={`/author/${course.slug}/files/${file.name}`}>{file.name}</Link> <span className="muted">· {date(file.updatedAt)}</span>
              </li>
            ))}
          </ul>
          <Form method="post" className="filters">
            <input type="hidden" name="intent" value="addLesson" />
            <label className="field">
              <span>{t("author.lessonName")}</span>
              <input name="name" placeholder={t("author.lessonNameExample")} pattern="\d{2}-[a-z0-9]+(-[a-z0-9]+)*" required />
            </label>
            <label className="field">
              <span>{t("author.lessonTitle")}</span>
              <input name="title" required minLength={3} />
            </label>
            <button type="submit" className="button button-secondary">
              {t("author.addLesson")}
            </button>
          </Form>
          {actionData && "error" in actionData ? <p className="form-error" role="alert">{t(actionData.error)}</p> : null}

          <h2>{t("author.publishTitle")}</h2>
          {issues.length > 0 ? (
            <div role="alert" className="issues">
              <p className="form-error">{t("author.draftInvalid")}</p>
              <ul>
                {issues.map((issue) => (
                  <li key={issue}>
                    <code>{issue}</code>
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <p className="muted">{t("author.draftValid")}</p>
          )}
          <Form method="post">
            <input type="hidden" name="intent" value="publish" />
            <button type="submit" className="button" disabled={busy}>
              {t("author.publish")}
            </button>
          </Form>
        </>
      ) : (
        <p>{t("author.contentReadOnly")}</p>
      )}

      <h2>{t("author.versions")}</h2>
      <div className="table-scroll" tabIndex={0}>
        <table>
          <caption className="visually-hidden">{t("author.versions")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("author.versionCol")}</th>
              <th scope="col">{t("author.publishedAt")}</th>
              <th scope="col">{t("author.recertification")}</th>
              {editable ? <th scope="col">{t("author.restore")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.version}>
                <th scope="row">{v.version}</th>
                <td>{date(v.publishedAt)}</td>
                <td>
                  {v.requiresRecertification ? <strong>{t("author.recertRequired")} </strong> : null}
                  {course.manageable ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="recertify" />
                      <input type="hidden" name="version" value={v.version} />
                      <input type="hidden" name="required" value={String(!v.requiresRecertification)} />
                      <button type="submit" className="link-button">
                        {t(v.requiresRecertification ? "author.recertCancel" : "author.recertMark")}
                      </button>
                    </Form>
                  ) : null}
                </td>
                {editable ? (
                  <td>
                    {v.restorable ? (
                      <Form method="post">
                        <input type="hidden" name="intent" value="restore" />
                        <input type="hidden" name="version" value={v.version} />
                        <button type="submit" className="link-button">
                          {t("author.restoreButton", { version: v.version })}
                        </button>
                      </Form>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
