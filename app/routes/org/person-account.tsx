import { Form, Link, data, redirect } from "react-router";
import { z } from "zod";
import { requireUser } from "#app/auth/auth.server.ts";
import { canGrantRole, canManageAccountOf, roles, type Role } from "#app/auth/permissions.ts";
import { Field } from "#app/components/field.tsx";
import { db } from "#app/db.server.ts";
import { readForm } from "#app/http/read-form.server.ts";
import { metaT, pageTitle, useT } from "#app/i18n/i18n.ts";
import { peopleAdminMessages, type PeopleAdminKey } from "#app/i18n/vi/people-admin.ts";
import { createAccount, resetPassword, setDeactivated, temporaryPasswordForm } from "#app/people/accounts.server.ts";
import { personProfile } from "#app/people/profile.server.ts";
import { grantForm, grantRole, revokeRole } from "#app/people/roles.server.ts";
import { requirePersonInScope, unitsAround } from "#app/people/roster.server.ts";
import type { Route } from "./+types/person-account";
import "#app/styles/tables.css";

// Accounts are managed by whoever manages the person (people:manage); roles by what canGrantRole allows.
const managers = ["people:manage"] as const;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = requireUser({ request, context });
  const { id, heldRoles } = await requirePersonInScope(db, user, params.id, managers);
  const person = (await personProfile(db, id))!;
  const units = await unitsAround(db, user, person.unit, "people:manage");
  const adminUnits = await unitsAround(db, user, person.unit, "roles:grant");
  const grantUnits = [...new Map([...units, ...adminUnits].map((u) => [u.id, u])).values()];
  return {
    person: {
      id: person.id,
      name: person.name,
      login: person.phone ?? person.email,
      hasAccount: person.password !== null,
      mustChangePassword: person.mustChangePassword,
      deactivatedAt: person.deactivatedAt?.toISOString() ?? null,
    },
    self: person.id === user.id,
    canManageAccount: canManageAccountOf(user.roles, heldRoles),
    roles: person.roles.map((r) => ({ id: r.id, role: r.role, unitName: r.unit.name, revocable: person.id !== user.id && (roles as readonly string[]).includes(r.role) && canGrantRole(user.roles, r.role as Role, r.unit.path) })),
    grantable: roles.filter((role) => grantUnits.some((u) => canGrantRole(user.roles, role, u.path))),
    grantUnits: grantUnits.map(({ id, name }) => ({ id, name })),
  };
}

const intents = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("create"), password: z.string().optional() }),
  z.object({ intent: z.literal("reset"), password: z.string().optional() }),
  z.object({ intent: z.literal("deactivate") }),
  z.object({ intent: z.literal("reactivate") }),
  z.object({ intent: z.literal("grant"), role: z.string(), unitId: z.string() }),
  z.object({ intent: z.literal("revoke"), assignmentId: z.string().min(1) }),
]);

const refused = (intent: string, error: string) => data({ intent, error: error as PeopleAdminKey, password: null, name: null }, { status: 400 });

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = requireUser({ request, context });
  const person = await requirePersonInScope(db, user, params.id, managers);
  const parsed = intents.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) throw data(null, { status: 400 });
  const form = parsed.data;
  if (form.intent !== "grant" && form.intent !== "revoke" && !canManageAccountOf(user.roles, person.heldRoles)) return refused(form.intent, "peopleAdmin.error.strongerAccount");
  const back = redirect(`/org/people/${person.id}/account`);
  if (form.intent === "create" || form.intent === "reset") {
    const password = temporaryPasswordForm.safeParse({ password: form.password });
    if (!password.success) return refused(form.intent, password.error.issues[0]!.message);
    const outcome = await (form.intent === "create" ? createAccount : resetPassword)(db, user, person, password.data.password);
    if (!outcome.ok) return refused(form.intent, outcome.error);
    // Shown in this response only: it is stored nowhere but as a hash, and a reload does not show it again.
    const { name } = await db.user.findUniqueOrThrow({ where: { id: person.id }, select: { name: true } });
    return { intent: form.intent, error: null, password: outcome.password ?? null, name };
  }
  if (form.intent === "deactivate" || form.intent === "reactivate") {
    if (person.id === user.id) return refused(form.intent, "peopleAdmin.error.ownRoles");
    await setDeactivated(db, user, person, form.intent === "deactivate");
    return back;
  }
  if (form.intent === "grant") {
    const grant = grantForm.safeParse(form);
    if (!grant.success) return refused(form.intent, "peopleAdmin.error.choice");
    const unit = await db.orgUnit.findUnique({ where: { id: grant.data.unitId }, select: { id: true, path: true } });
    if (!unit) return refused(form.intent, "peopleAdmin.error.roleOutOfScope");
    const outcome = await grantRole(db, user, person.id, grant.data.role, unit);
    return outcome.ok ? back : refused(form.intent, outcome.error);
  }
  const outcome = await revokeRole(db, user, person.id, form.assignmentId);
  return outcome.ok ? back : refused(form.intent, outcome.error);
}

export const meta: Route.MetaFunction = ({ matches, loaderData }) => {
  const t = metaT(matches, peopleAdminMessages);
  return [pageTitle(t, loaderData?.person.name, t("peopleAdmin.entity.account"))];
};

export default function PersonAccount({ loaderData, actionData }: Route.ComponentProps) {
  const { t, date } = useT(peopleAdminMessages);
  const { person, self } = loaderData;
  const errorFor = (intent: string) => (actionData?.intent === intent && actionData.error ? t(actionData.error) : undefined);
  const roleLabel = (role: string) => ((roles as readonly string[]).includes(role) ? t(`peopleAdmin.role.${role as Role}`) : role);
  const passwordForm = (intent: "create" | "reset", label: PeopleAdminKey) => (
    <Form method="post" className="stack" noValidate>
      <input type="hidden" name="intent" value={intent} />
      <Field label={t("peopleAdmin.field.tempPassword")} name="password" autoComplete="off" hint={t("peopleAdmin.hint.tempPassword")} error={errorFor(intent)} />
      <button type="submit" className="button">
        {t(label)}
      </button>
    </Form>
  );
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/org/people/${person.id}`}>{person.name}</Link>
      </p>
      <h1>{t("peopleAdmin.account")}</h1>
      {actionData?.password ? (
        <div role="status" className="notice">
          <p>
            {t("peopleAdmin.tempPasswordShown", { name: actionData.name ?? person.name })} <strong data-testid="temporary-password">{actionData.password}</strong>
          </p>
          <p>{t("peopleAdmin.tempPasswordOnce")}</p>
        </div>
      ) : null}
      <p>
        {!person.hasAccount
          ? t("peopleAdmin.accountNone")
          : person.deactivatedAt
            ? t("peopleAdmin.accountDeactivated", { date: date(person.deactivatedAt) })
            : person.mustChangePassword
              ? t("peopleAdmin.accountMustChange")
              : t("peopleAdmin.accountActive")}
      </p>
      {person.login ? <p>{t("peopleAdmin.loginWith", { login: person.login })}</p> : null}
      {!loaderData.canManageAccount ? (
        <p className="callout callout-warning">{t("peopleAdmin.error.strongerAccount")}</p>
      ) : !person.hasAccount ? (
        passwordForm("create", "peopleAdmin.createAccount")
      ) : (
        passwordForm("reset", "peopleAdmin.resetPassword")
      )}
      {person.hasAccount && !self && loaderData.canManageAccount ? (
        <Form method="post">
          <input type="hidden" name="intent" value={person.deactivatedAt ? "reactivate" : "deactivate"} />
          <button type="submit" className="button button-secondary">
            {t(person.deactivatedAt ? "peopleAdmin.reactivate" : "peopleAdmin.deactivate")}
          </button>
        </Form>
      ) : null}

      <h2>{t("peopleAdmin.roles")}</h2>
      {errorFor("revoke") ? <p role="alert" className="form-error">{errorFor("revoke")}</p> : null}
      {loaderData.roles.length === 0 ? <p>{t("peopleAdmin.noRoles")}</p> : null}
      <div className="table-scroll" tabIndex={0}>
        <table>
          <caption className="visually-hidden">{t("peopleAdmin.roles")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("peopleAdmin.col.role")}</th>
              <th scope="col">{t("peopleAdmin.col.roleUnit")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("peopleAdmin.col.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {loaderData.roles.map((r) => (
              <tr key={r.id}>
                <th scope="row">{roleLabel(r.role)}</th>
                <td>{r.unitName}</td>
                <td>
                  {r.revocable ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="assignmentId" value={r.id} />
                      <button type="submit" className="link-button">
                        {t("peopleAdmin.revoke")}
                      </button>
                    </Form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!self && loaderData.grantable.length > 0 ? (
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="grant" />
          <p className="muted">{t("peopleAdmin.grantHint")}</p>
          {errorFor("grant") ? <p role="alert" className="form-error">{errorFor("grant")}</p> : null}
          <label className="field">
            <span>{t("peopleAdmin.col.role")}</span>
            <select name="role">
              {loaderData.grantable.map((role) => (
                <option key={role} value={role}>
                  {roleLabel(role)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t("peopleAdmin.field.unit")}</span>
            <select name="unitId">
              {loaderData.grantUnits.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button">
            {t("peopleAdmin.grant")}
          </button>
        </Form>
      ) : null}
    </>
  );
}
