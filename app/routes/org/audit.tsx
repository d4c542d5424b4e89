import { Form, Link, data } from "react-router";
import { z } from "zod";
import { requireScopedUnit, requireUser } from "#app/auth/auth.server.ts";
import { auditVocabulary, listAuditEvents } from "#app/audit/audit-log.server.ts";
import { db } from "#app/db.server.ts";
import { Pager } from "#app/components/pager.tsx";
import { metaT, pageTitle, useT } from "#app/i18n/i18n.ts";
import { isPeopleAdminKey, peopleAdminMessages } from "#app/i18n/vi/people-admin.ts";
import type { Route } from "./+types/audit";
import "#app/styles/tables.css";

// Read-only on purpose: this module has no action, and no route edits or deletes an AuditEvent.
const query = z.object({
  unit: z.string().min(1).optional(),
  action: z.string().max(60).catch(""),
  entity: z.string().max(60).catch(""),
  page: z.coerce.number().int().min(1).catch(1),
});

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireUser({ request, context });
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw data(null, { status: 400 });
  const params = parsed.data;
  const unit = await requireScopedUnit(user, "audit:read", params.unit);
  const [log, vocabulary] = await Promise.all([
    listAuditEvents(db, unit.path, { action: params.action || undefined, entity: params.entity || undefined, page: params.page }),
    auditVocabulary(db, unit.path),
  ]);
  return {
    unit: { id: unit.id, name: unit.name },
    filter: { action: params.action, entity: params.entity },
    vocabulary,
    log: { ...log, events: log.events.map((e) => ({ ...e, at: e.at.toISOString() })) },
  };
}

export const meta: Route.MetaFunction = ({ matches }) => {
  const t = metaT(matches, peopleAdminMessages);
  return [pageTitle(t, t("peopleAdmin.audit.title"))];
};

const isoDate = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

export default function Audit({ loaderData }: Route.ComponentProps) {
  const { t, date, dateTime } = useT(peopleAdminMessages);
  const { unit, filter, vocabulary, log } = loaderData;
  // Other parts of the app write actions this page has no label for yet: those show their key.
  const label = (prefix: "action" | "entity", key: string) => {
    const message = `peopleAdmin.${prefix}.${key}`;
    return isPeopleAdminKey(message) ? t(message) : key;
  };
  const fieldLabel = (key: string) => {
    const message = `peopleAdmin.field.${key}`;
    return isPeopleAdminKey(message) ? t(message) : key;
  };
  const show = (value: unknown) =>
    value === null || value === undefined ? "—" : typeof value === "boolean" ? t(value ? "peopleAdmin.yes" : "peopleAdmin.no") : typeof value === "string" && isoDate.test(value) ? date(value) : typeof value === "object" ? JSON.stringify(value) : String(value);
  const pageLink = (page: number) => `?${new URLSearchParams({ unit: unit.id, action: filter.action, entity: filter.entity, page: String(page) })}`;
  return (
    <>
      <h1>{t("peopleAdmin.audit.title")}</h1>
      <p className="lead">{t("peopleAdmin.scope", { unit: unit.name })}</p>
      <p className="muted">{t("peopleAdmin.audit.readOnly")}</p>
      <Form method="get" className="filters">
        <input type="hidden" name="unit" value={unit.id} />
        {(["action", "entity"] as const).map((name) => (
          <label className="field" key={name}>
            <span>{t(`peopleAdmin.audit.${name}`)}</span>
            <select name={name} defaultValue={filter[name]}>
              <option value="">{t("peopleAdmin.audit.all")}</option>
              {(name === "action" ? vocabulary.actions : vocabulary.entities).map((v) => (
                <option key={v} value={v}>
                  {label(name, v)}
                </option>
              ))}
            </select>
          </label>
        ))}
        <button type="submit" className="button button-secondary">
          {t("peopleAdmin.audit.filter")}
        </button>
      </Form>
      {log.events.length === 0 ? <p>{t("peopleAdmin.audit.none")}</p> : null}
      <div className="table-scroll" tabIndex={0}>
        <table>
          <caption className="visually-hidden">{t("peopleAdmin.audit.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("peopleAdmin.col.at")}</th>
              <th scope="col">{t("peopleAdmin.col.actor")}</th>
              <th scope="col">{t("peopleAdmin.audit.action")}</th>
              <th scope="col">{t("peopleAdmin.audit.entity")}</th>
              <th scope="col">{t("peopleAdmin.col.change")}</th>
            </tr>
          </thead>
          <tbody>
            {log.events.map((e) => {
              const keys = [...new Set([...Object.keys(e.before ?? {}), ...Object.keys(e.after ?? {})])];
              return (
                <tr key={e.id}>
                  <td>{dateTime(e.at)}</td>
                  <td>{e.actorName ?? t("peopleAdmin.audit.system")}</td>
                  <th scope="row">{label("action", e.action)}</th>
                  <td>{e.entity === "person" || e.entity === "account" ? <Link to={`/org/people/${e.entityId}`}>{label("entity", e.entity)}</Link> : label("entity", e.entity)}</td>
                  <td>
                    <ul className="plain">
                      {keys.map((k) => (
                        <li key={k}>
                          {fieldLabel(k)}: {show(e.before?.[k])} → {show(e.after?.[k])}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Pager page={log.page} pages={log.pages} link={pageLink} label={t("peopleAdmin.audit.title")} />
    </>
  );
}
