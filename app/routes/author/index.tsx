import { Form, Link, data, redirect } from "react-router";
import { notFound, requirePermission, requireUser } from "#app/auth/auth.server.ts";
import { hasPermission } from "#app/auth/permissions.ts";
import { authoredCourses, authoringUnits, createDraftCourse, newCourseForm } from "#app/authoring/drafts.server.ts";
import { db } from "#app/db.server.ts";
import { Field } from "#app/components/field.tsx";
import { metaT, pageTitle, useT } from "#app/i18n/i18n.ts";
import { authorMessages } from "#app/i18n/vi/author.ts";
import type { Route } from "./+types/index";
import { readForm } from "#app/http/read-form.server.ts";

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireUser({ request, context });
  requirePermission(user, "course:write");
  return { courses: await authoredCourses(db, user.roles), units: authoringUnits(user.roles), mayRecordClasses: hasPermission(user.roles, "class:record") };
}

type Errors = Partial<Record<"slug" | "title", keyof typeof authorMessages>>;

export async function action({ request, context }: Route.ActionArgs) {
  const user = requireUser({ request, context });
  requirePermission(user, "course:write");
  const form = Object.fromEntries(await readForm(request));
  const parsed = newCourseForm.safeParse(form);
  const values = { slug: String(form.slug ?? ""), title: String(form.title ?? ""), ownerUnitId: String(form.ownerUnitId ?? "") };
  // The course belongs to one of the units she writes courses for; any other id is answered as unknown.
  const units = authoringUnits(user.roles);
  const owner = parsed.data?.ownerUnitId ? units.find((u) => u.id === parsed.data?.ownerUnitId) : units[0];
  if (!owner) notFound();
  if (!parsed.success) {
    const errors: Errors = {};
    for (const issue of parsed.error.issues) errors[issue.path[0] as keyof Errors] = issue.path[0] === "slug" ? "author.slugInvalid" : "author.titleInvalid";
    return data({ errors, values }, { status: 400 });
  }
  const course = await createDraftCourse(db, parsed.data, owner.id);
  if (!course) return data({ errors: { slug: "author.slugTaken" } satisfies Errors as Errors, values }, { status: 400 });
  return redirect(`/author/${course.slug}`);
}

export const meta: Route.MetaFunction = ({ matches }) => {
  const t = metaT(matches, authorMessages);
  return [pageTitle(t, t("author.title"))];
};

export default function AuthorIndex({ loaderData, actionData }: Route.ComponentProps) {
  const { t, date } = useT(authorMessages);
  const errors: Errors = actionData?.errors ?? {};
  return (
    <>
      <h1>{t("author.title")}</h1>
      {loaderData.mayRecordClasses ? (
        <p>
          <Link to="/classes" className="button button-secondary">
            {t("author.recordClass")}
          </Link>
        </p>
      ) : null}
      <ul className="card-list">
        {loaderData.courses.map((course) => (
          <li key={course.slug} className="card">
            <h2>
              <Link to={`/author/${course.slug}`}>{course.title}</Link>
            </h2>
            <p className="muted">
              {t(course.source === "app" ? "author.sourceApp" : "author.sourceContent")} ·{" "}
              {course.version > 0 ? t("author.version", { version: course.version }) : t("author.unpublished")} · {date(course.updatedAt)}
            </p>
          </li>
        ))}
      </ul>
      <h2>{t("author.newCourse")}</h2>
      <Form method="post" className="stack narrow" noValidate>
        <Field label={t("author.courseTitle")} name="title" defaultValue={actionData?.values.title} error={errors.title ? t(errors.title) : undefined} />
        {loaderData.units.length > 1 ? (
          <label className="field">
            <span>{t("author.ownerUnit")}</span>
            <select name="ownerUnitId" defaultValue={actionData?.values.ownerUnitId || loaderData.units[0]!.id}>
              {loaderData.units.map((unit) => (
                <option key={unit.id} value={unit.id}>
                  {unit.name}
                </option>
              ))}
            </select>
            <span className="muted">{t("author.ownerUnitHint")}</span>
          </label>
        ) : null}
        <Field
          label={t("author.slug")}
          name="slug"
          defaultValue={actionData?.values.slug}
          hint={t("author.slugHint")}
          error={errors.slug ? t(errors.slug) : undefined}
        />
        <button type="submit" className="button">
          {t("author.create")}
        </button>
      </Form>
    </>
  );
}
