import { Form, Link, data, redirect } from "react-router";
import { z } from "zod";
import { requirePermission, requireUser } from "#app/auth/auth.server.ts";
import { canOnUnit } from "#app/auth/permissions.ts";
import { CadreRecordSections } from "#app/components/cadre-record.tsx";
import { Field } from "#app/components/field.tsx";
import { getCatalog } from "#app/courses/catalog-instance.server.ts";
import { db } from "#app/db.server.ts";
import { readForm } from "#app/http/read-form.server.ts";
import { metaT, pageTitle, useT } from "#app/i18n/i18n.ts";
import { peopleMessages } from "#app/i18n/vi/people.ts";
import { peopleAdminMessages, type PeopleAdminKey } from "#app/i18n/vi/people-admin.ts";
import { isoDay } from "#app/org/days.ts";
import { positionLabel, positions, type Position } from "#app/people/positions.ts";
import { ethnicities, genders, theoryLevels } from "#app/people/profile.ts";
import { cadreRecord } from "#app/people/cadre-record.server.ts";
import { addPosition, endPosition, endPositionForm, fieldErrors, personProfile, positionForm, profileForm, updateProfile } from "#app/people/profile.server.ts";
import { requirePersonInScope, unitsAround } from "#app/people/roster.server.ts";
import type { Route } from "./+types/person";
import "#app/styles/tables.css";

const readers = ["people:manage", "report:read"] as const;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = requireUser({ request, context });
  const { id } = await requirePersonInScope(db, user, params.id, readers);
  const person = (await personProfile(db, id))!;
  const canEdit = canOnUnit(user.roles, "people:manage", person.unit.path);
  return {
    person: {
      id: person.id, name: person.name, gender: person.gender, ethnicity: person.ethnicity ?? "", phone: person.phone ?? "", email: person.email ?? "",
      birth: person.birthDate ? isoDay(person.birthDate).split("-").reverse().join("/") : String(person.birthYear ?? ""),
      partyMember: person.partyMember, partySince: person.partySince ? isoDay(person.partySince) : "", theoryLevel: person.theoryLevel ?? "", education: person.education ?? "",
      unitName: person.unit.name,
      holdings: person.holdings.map((h) => ({ id: h.id, position: h.position as Position, unitName: h.unit.name, from: h.from.toISOString(), to: h.to?.toISOString() ?? null })),
    },
    record: await cadreRecord(db, user.roles, id, await getCatalog(), new Date()),
    canEdit,
    units: canEdit ? await unitsAround(db, user, person.unit, "people:manage") : [],
  };
}

const intent = z.object({ intent: z.enum(["profile", "addPosition", "endPosition"]) });
type Intent = z.output<typeof intent>["intent"];
const invalid = (which: Intent, errors: Record<string, string | undefined>, values: Record<string, string>) =>
  data({ intent: which, errors: errors as Partial<Record<string, PeopleAdminKey>>, values }, { status: 400 });

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = requireUser({ request, context });
  const person = await requirePersonInScope(db, user, params.id, readers);
  requirePermission(user, "people:manage", person.unit);
  const values = Object.fromEntries([...(await readForm(request))].map(([k, v]) => [k, typeof v === "string" ? v : ""]));
  const parsed = intent.safeParse(values);
  if (!parsed.success) throw data(null, { status: 400 });
  const which = parsed.data.intent;
  if (which === "profile") {
    const form = profileForm.safeParse(values);
    if (!form.success) return invalid(which, fieldErrors(form.error), values);
    const saved = await updateProfile(db, user, person, form.data);
    if (!saved.ok) return invalid(which, saved.errors, values);
  } else if (which === "addPosition") {
    const form = positionForm.safeParse(values);
    if (!form.success) return invalid(which, fieldErrors(form.error), values);
    const unit = (await unitsAround(db, user, person.unit, "people:manage")).find((u) => u.id === form.data.unitId);
    if (!unit) return invalid(which, { unitId: "peopleAdmin.error.choice" }, values);
    const added = await addPosition(db, user, person.id, unit, form.data);
    if (!added.ok) return invalid(which, added.errors, values);
  } else {
    const form = endPositionForm.safeParse(values);
    if (!form.success) return invalid(which, fieldErrors(form.error), values);
    const ended = await endPosition(db, user, person.id, form.data);
    if (!ended.ok) return invalid(which, ended.errors, values);
  }
  return redirect(`/org/people/${person.id}`);
}

export const meta: Route.MetaFunction = ({ matches, loaderData }) => {
  const t = metaT(matches, peopleAdminMessages);
  return [pageTitle(t, loaderData?.person.name, t("peopleAdmin.title"))];
};

export default function Person({ loaderData, actionData }: Route.ComponentProps) {
  const { t, date } = useT(peopleAdminMessages, peopleMessages);
  const { person, record, canEdit, units } = loaderData;
  const failed = (which: Intent) => (actionData?.intent === which ? actionData : null);
  const profile = failed("profile");
  const value = (name: keyof typeof person) => String(profile?.values[name] ?? person[name] ?? "");
  const error = (which: Intent, name: string) => {
    const key = failed(which)?.errors[name];
    return key ? t(key) : undefined;
  };
  const select = (name: string, options: readonly string[], label: (o: string) => string, current: string, optional = true) => (
    <label className="field">
      <span>{t(`peopleAdmin.field.${name}` as PeopleAdminKey)}</span>
      <select name={name} defaultValue={current} disabled={!canEdit}>
        {optional ? <option value="">{t("peopleAdmin.notKnown")}</option> : null}
        {options.map((o) => (
          <option key={o} value={o}>
            {label(o)}
          </option>
        ))}
      </select>
      {error("profile", name) ? <span className="field-error">{error("profile", name)}</span> : null}
    </label>
  );
  const partyMember = profile ? profile.values.partyMember === "on" : person.partyMember;
  const addFailed = failed("addPosition");
  return (
    <>
      <p className="breadcrumb">
        <Link to="/org/people">{t("peopleAdmin.backToList")}</Link>
      </p>
      <h1>{person.name}</h1>
      <p className="lead">{t("peopleAdmin.unitOf", { unit: person.unitName })}</p>
      {canEdit ? (
        <p className="links">
          <Link to={`/org/people/${person.id}/account`}>{t("peopleAdmin.account")}</Link>
        </p>
      ) : null}

      <h2>{t("peopleAdmin.profile")}</h2>
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value="profile" />
        <fieldset disabled={!canEdit} className="stack">
          <Field label={t("peopleAdmin.field.name")} name="name" defaultValue={value("name")} error={error("profile", "name")} />
          {select("gender", genders, (g) => t(`people.gender.${g as (typeof genders)[number]}`), value("gender"), false)}
          <Field label={t("peopleAdmin.field.birth")} name="birth" hint={t("peopleAdmin.hint.birth")} defaultValue={value("birth")} error={error("profile", "birth")} />
          {select("ethnicity", ethnicities, (e) => t(`people.ethnicity.${e as (typeof ethnicities)[number]}`), value("ethnicity"))}
          <Field label={t("peopleAdmin.field.phone")} name="phone" type="tel" defaultValue={value("phone")} error={error("profile", "phone")} />
          <Field label={t("peopleAdmin.field.email")} name="email" type="email" defaultValue={value("email")} error={error("profile", "email")} />
          <label className="checkbox">
            <input type="checkbox" name="partyMember" defaultChecked={partyMember} /> {t("peopleAdmin.field.partyMember")}
          </label>
          <Field label={t("peopleAdmin.field.partySince")} name="partySince" type="date" defaultValue={value("partySince")} error={error("profile", "partySince")} />
          {select("theoryLevel", theoryLevels, (l) => t(`people.theory.${l as (typeof theoryLevels)[number]}`), value("theoryLevel"))}
          <Field label={t("peopleAdmin.field.education")} name="education" defaultValue={value("education")} error={error("profile", "education")} />
          {canEdit ? (
            <button type="submit" className="button">
              {t("peopleAdmin.save")}
            </button>
          ) : null}
        </fieldset>
      </Form>

      <h2>{t("peopleAdmin.positions")}</h2>
      {person.holdings.length === 0 ? <p>{t("peopleAdmin.noPositions")}</p> : null}
      <div className="table-scroll" tabIndex={0}>
        <table>
          <caption className="visually-hidden">{t("peopleAdmin.positions")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("peopleAdmin.col.position")}</th>
              <th scope="col">{t("peopleAdmin.col.unit")}</th>
              <th scope="col">{t("peopleAdmin.col.from")}</th>
              <th scope="col">{t("peopleAdmin.col.to")}</th>
            </tr>
          </thead>
          <tbody>
            {person.holdings.map((h) => (
              <tr key={h.id}>
                <th scope="row">{t(positionLabel(h.position))}</th>
                <td>{h.unitName}</td>
                <td>{date(h.from)}</td>
                <td>
                  {h.to ? date(h.to) : t("peopleAdmin.current")}
                  {!h.to && canEdit ? (
                    <Form method="post" className="inline-form" noValidate>
                      <input type="hidden" name="intent" value="endPosition" />
                      <input type="hidden" name="holdingId" value={h.id} />
                      <Field label={t("peopleAdmin.endOn")} name="to" type="date" error={failed("endPosition")?.values.holdingId === h.id ? error("endPosition", "to") : undefined} />
                      <button type="submit" className="button button-secondary">
                        {t("peopleAdmin.end")}
                      </button>
                    </Form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {canEdit ? (
        <>
          <h3>{t("peopleAdmin.addPosition")}</h3>
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="addPosition" />
            <label className="field">
              <span>{t("peopleAdmin.field.position")}</span>
              <select name="position" defaultValue={String(addFailed?.values.position ?? "")}>
                {positions.map((p) => (
                  <option key={p} value={p}>
                    {t(positionLabel(p))}
                  </option>
                ))}
              </select>
              {error("addPosition", "position") ? <span className="field-error">{error("addPosition", "position")}</span> : null}
            </label>
            <label className="field">
              <span>{t("peopleAdmin.field.unit")}</span>
              <select name="unitId" defaultValue={String(addFailed?.values.unitId ?? "")}>
                {units.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </select>
              {error("addPosition", "unitId") ? <span className="field-error">{error("addPosition", "unitId")}</span> : null}
            </label>
            <Field label={t("peopleAdmin.field.from")} name="from" type="date" defaultValue={String(addFailed?.values.from ?? "")} error={error("addPosition", "from")} />
            <button type="submit" className="button">
              {t("peopleAdmin.addPosition")}
            </button>
          </Form>
        </>
      ) : null}

      <CadreRecordSections record={record} />
    </>
  );
}
