import { Form, Link, data, redirect } from "react-router";
import { notFound, requirePermission, requireUser, type CurrentUser } from "#app/auth/auth.server.ts";
import { changeableClass, classChangeForm, deleteClass, deleteConfirmed, editPage, updateClass } from "#app/classes/class-changes.server.ts";
import { parseClass } from "#app/classes/classes.server.ts";
import { ClassRoster } from "#app/components/class-roster.tsx";
import { Field } from "#app/components/field.tsx";
import { getCatalog } from "#app/courses/catalog-instance.server.ts";
import { db } from "#app/db.server.ts";
import { readForm } from "#app/http/read-form.server.ts";
import { formatDate, metaT, pageTitle, useT } from "#app/i18n/i18n.ts";
import { classesMessages } from "#app/i18n/vi/classes.ts";
import type { Route } from "./+types/edit";
import "#app/styles/classes.css";

/** The class and its course, if she may change it; otherwise 404, whether the id is unknown or out of her reach. */
async function requireClass(user: CurrentUser, id: string) {
  requirePermission(user, "class:record");
  const session = await changeableClass(db, user, id);
  const course = session && (await getCatalog()).courses.find((c) => c.id === session.courseId);
  if (!session || !course) notFound();
  return { session, course };
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = requireUser({ request, context });
  const { session, course } = await requireClass(user, params.id);
  return { ...(await editPage(db, session, course)), saved: new URL(request.url).searchParams.has("saved") };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = requireUser({ request, context });
  const { session, course } = await requireClass(user, params.id);
  const form = await readForm(request);
  const intent = classChangeForm.safeParse({ intent: form.get("intent") });
  if (!intent.success) throw data(null, { status: 400 });
  if (intent.data.intent === "delete") {
    if (!deleteConfirmed(form)) return data({ errors: { confirm: "classes.error.confirm" as const }, values: null }, { status: 400 });
    if (!(await db.$transaction((tx) => deleteClass(tx, user.id, session, course)))) notFound();
    return redirect("/classes/recorded?deleted=1");
  }
  const parsed = await parseClass(db, session.unit, [], form, new Date(), user.id, { course, attendeeIds: session.attendance.map((a) => a.userId), inScope: session.inScope });
  if (!parsed.ok) {
    const values = { heldOn: String(form.get("heldOn") ?? ""), place: String(form.get("place") ?? ""), attendees: form.getAll("attendees").map(String) };
    return data({ errors: parsed.errors, values }, { status: 400 });
  }
  if (!(await db.$transaction((tx) => updateClass(tx, user.id, session, parsed.input)))) notFound();
  return redirect(`/classes/${session.id}?saved=1`);
}

export const meta: Route.MetaFunction = ({ matches }) => {
  const t = metaT(matches, classesMessages);
  return [pageTitle(t, t("classes.edit.title"))];
};

export default function EditClass({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT(classesMessages);
  const { session, course, roster, rosterCut, saved } = loaderData;
  const errors: Partial<Record<string, Parameters<typeof t>[0]>> = actionData?.errors ?? {};
  const err = (name: string) => (errors[name] ? t(errors[name]) : undefined);
  const values = actionData?.values;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/classes/recorded">← {t("classes.list.title")}</Link>
      </p>
      <h1>{t("classes.edit.title")}</h1>
      <p className="lead">{t("classes.edit.about", { course: course.title, unit: session.unit, recordedBy: session.recordedBy })}</p>
      {saved ? (
        <p role="status" className="completed-banner">
          {t("classes.edit.saved")}
        </p>
      ) : null}
      <Form method="post" className="stack class-form" noValidate>
        <input type="hidden" name="intent" value="save" />
        <Field label={t("classes.heldOn")} name="heldOn" inputMode="numeric" placeholder={t("classes.heldOnHint")} hint={t("classes.heldOnHint")} defaultValue={values?.heldOn ?? formatDate(session.heldOn, "vi")} error={err("heldOn")} />
        <Field label={t("classes.place")} name="place" hint={t("classes.placeHint")} defaultValue={values?.place ?? session.place} error={err("place")} />
        <ClassRoster
          roster={roster}
          checked={new Set(values?.attendees ?? session.attendees)}
          error={err("attendees")}
          cut={rosterCut}
          reachBelow={
            <>
              {t("classes.rosterCut.edit")} <Link to={`/classes?unit=${session.unitId}`}>{t("classes.rosterCut.editLink")}</Link>
            </>
          }
        />
        <button type="submit" className="button">
          {t("classes.edit.save")}
        </button>
      </Form>

      <h2>{t("classes.edit.deleteTitle")}</h2>
      <Form method="post" className="stack class-form" noValidate>
        <input type="hidden" name="intent" value="delete" />
        <p className="muted">{t("classes.edit.deleteHint")}</p>
        {errors.confirm ? (
          <p id="confirm-error" className="field-error">
            {t(errors.confirm)}
          </p>
        ) : null}
        <label className="choice">
          <input type="checkbox" name="confirm" aria-describedby={errors.confirm ? "confirm-error" : undefined} />
          <span>{t("classes.edit.confirm")}</span>
        </label>
        <button type="submit" className="button button-secondary">
          {t("classes.edit.delete")}
        </button>
      </Form>
    </>
  );
}
