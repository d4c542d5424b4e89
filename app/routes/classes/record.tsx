import { Form, Link, data, redirect } from "react-router";
import { requireScopedUnit, requireUser } from "#app/auth/auth.server.ts";
import { holdsClasses, parseClass, recordClass, recordPage } from "#app/classes/classes.server.ts";
import { ClassFormOffline } from "#app/components/class-form-offline.tsx";
import { ClassRoster } from "#app/components/class-roster.tsx";
import { Field, SelectField } from "#app/components/field.tsx";
import { getCatalog } from "#app/courses/catalog-instance.server.ts";
import { db } from "#app/db.server.ts";
import { newIdempotencyKey } from "#app/http/idempotency-key.ts";
import { once } from "#app/http/once.server.ts";
import { readForm } from "#app/http/read-form.server.ts";
import { formatDate, metaT, pageTitle, useT } from "#app/i18n/i18n.ts";
import { classesMessages } from "#app/i18n/vi/classes.ts";
import type { Route } from "./+types/record";
import "#app/styles/classes.css";

const unitOf = (request: Request) => new URL(request.url).searchParams.get("unit") ?? undefined;

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireUser({ request, context });
  const unit = await requireScopedUnit(user, "class:record", unitOf(request));
  const recorded = new URL(request.url).searchParams.get("recorded");
  const page = await recordPage(db, user.roles, unit, (await getCatalog()).courses, new Date(), recorded);
  // Like the lesson forms: a post sent again (a lost answer, a phone's queue replayed) records the class once.
  return { ...page, idempotencyKey: newIdempotencyKey() };
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = requireUser({ request, context });
  const unit = await requireScopedUnit(user, "class:record", unitOf(request));
  if (!holdsClasses(unit)) throw data(null, { status: 400 });
  const form = await readForm(request);
  const parsed = await parseClass(db, unit, (await getCatalog()).courses, form, new Date(), user.id);
  if (!parsed.ok) {
    const values = { courseId: String(form.get("courseId") ?? ""), heldOn: String(form.get("heldOn") ?? ""), place: String(form.get("place") ?? ""), attendees: form.getAll("attendees").map(String) };
    return data({ errors: parsed.errors, values, error: null }, { status: 400 });
  }
  const outcome = await once(db, user.id, form.get("idempotencyKey"), "class.record", async (tx) => ({
    status: 200,
    body: { id: (await recordClass(tx, user.id, unit, parsed.input)).id },
  }));
  if (outcome.status !== 200) return data({ errors: {}, values: null, error: String(outcome.body.error) }, { status: outcome.status });
  return redirect(`/classes?unit=${unit.id}&recorded=${String(outcome.body.id)}`);
}

export const meta: Route.MetaFunction = ({ matches }) => {
  const t = metaT(matches, classesMessages);
  return [pageTitle(t, t("classes.title"))];
};

export default function RecordClass({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useT(classesMessages);
  const { unit, parent, children, courses, roster, recorded } = loaderData;
  const errors: Partial<Record<string, Parameters<typeof t>[0]>> = actionData?.errors ?? {};
  const values = actionData?.values;
  // Recorded offline: the service worker queued it and answered { queued: true } (app/offline/sw.ts).
  const queued = (actionData as { queued?: boolean } | undefined)?.queued === true;
  const checked = new Set(values?.attendees ?? []);
  const err = (name: string) => (errors[name] ? t(errors[name]) : undefined);
  return (
    <>
      {parent ? (
        <p className="breadcrumb">
          <Link to={`/classes?unit=${parent.id}`}>↑ {t("classes.up", { unit: parent.name })}</Link>
        </p>
      ) : null}
      <h1>{t("classes.title")}</h1>
      <p className="breadcrumb">
        <Link to="/classes/recorded">{t("classes.list.title")}</Link>
      </p>
      <p className="lead">{t("classes.unit", { unit: unit.name })}</p>
      {recorded ? (
        <p role="status" className="completed-banner">
          {t("classes.recorded", { date: formatDate(recorded.heldOn, locale), attendees: recorded.attendees, completed: recorded.completed })}
        </p>
      ) : null}
      {queued ? (
        <p role="status" className="completed-banner">
          {t("classes.queued")}
        </p>
      ) : null}
      {actionData?.error ? (
        <p role="alert" className="field-error">
          {t(actionData.error as Parameters<typeof t>[0])}
        </p>
      ) : null}

      {unit.holdsClasses ? (
        // A new key is a new class (after one was recorded, or queued offline): the form starts blank again.
        <Form key={loaderData.idempotencyKey} method="post" action={`/classes?unit=${unit.id}`} className="stack class-form" noValidate>
          <input type="hidden" name="idempotencyKey" value={loaderData.idempotencyKey} />
          <SelectField label={t("classes.course")} name="courseId" defaultValue={values?.courseId} error={err("courseId")}>
            {courses.map((c) => (
              <option key={c.id} value={c.id}>
                {c.completes ? t("classes.courseCompletes", { title: c.title }) : c.title}
              </option>
            ))}
          </SelectField>
          <Field label={t("classes.heldOn")} name="heldOn" inputMode="numeric" placeholder={t("classes.heldOnHint")} hint={t("classes.heldOnHint")} defaultValue={values?.heldOn ?? formatDate(loaderData.day, "vi")} error={err("heldOn")} />
          <Field label={t("classes.place")} name="place" hint={t("classes.placeHint")} defaultValue={values?.place} error={err("place")} />
          <ClassRoster roster={roster} checked={checked} error={err("attendees")} cut={loaderData.rosterCut} reachBelow={t("classes.rosterCut.record")} />
          <button type="submit" className="button">
            {t("classes.submit")}
          </button>
        </Form>
      ) : (
        <p className="muted">{t("classes.pickUnitHint")}</p>
      )}
      {unit.holdsClasses ? <ClassFormOffline unitId={unit.id} /> : null}

      <h2>{unit.holdsClasses ? t("classes.units") : t("classes.pickUnit")}</h2>
      {children.length === 0 ? (
        <p>{t("classes.noUnits")}</p>
      ) : (
        <ul className="unit-links">
          {children.map((c) => (
            <li key={c.id}>
              <Link to={`/classes?unit=${c.id}`}>{c.name}</Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
