import { Form, data, redirect } from "react-router";
import { requireUser, safeRedirectPath } from "#app/auth/auth.server.ts";
import { Field } from "#app/components/field.tsx";
import { db } from "#app/db.server.ts";
import { readForm } from "#app/http/read-form.server.ts";
import { metaT, pageTitle, useT } from "#app/i18n/i18n.ts";
import { peopleAdminMessages, type PeopleAdminKey } from "#app/i18n/vi/people-admin.ts";
import { changeOwnPassword, minPasswordLength, passwordChangeForm } from "#app/people/accounts.server.ts";
import { fieldErrors } from "#app/people/profile.server.ts";
import type { Route } from "./+types/password";

export function loader({ request, context }: Route.LoaderArgs) {
  const user = requireUser({ request, context });
  return { mustChange: user.mustChangePassword, minLength: minPasswordLength, redirectTo: safeRedirectPath(new URL(request.url).searchParams.get("redirectTo")) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = requireUser({ request, context });
  const form = Object.fromEntries(await readForm(request));
  const parsed = passwordChangeForm.safeParse(form);
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error) as Partial<Record<string, PeopleAdminKey>> }, { status: 400 });
  const changed = await changeOwnPassword(db, user, parsed.data);
  if (!changed.ok) return data({ errors: changed.errors as Partial<Record<string, PeopleAdminKey>> }, { status: 400 });
  return redirect(safeRedirectPath(form.redirectTo ?? null));
}

export const meta: Route.MetaFunction = ({ matches }) => {
  const t = metaT(matches, peopleAdminMessages);
  return [pageTitle(t, t("peopleAdmin.password.title"))];
};

export default function ChangePassword({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT(peopleAdminMessages);
  const error = (name: string) => {
    const key = actionData?.errors[name];
    return key ? t(key) : undefined;
  };
  return (
    <section className="narrow">
      <h1>{t("peopleAdmin.password.title")}</h1>
      {loaderData.mustChange ? <p role="status">{t("peopleAdmin.password.mustChange")}</p> : null}
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="redirectTo" value={loaderData.redirectTo} />
        <Field label={t("peopleAdmin.field.current")} name="current" type="password" autoComplete="current-password" error={error("current")} />
        <Field label={t("peopleAdmin.field.next")} name="next" type="password" autoComplete="new-password" hint={t("peopleAdmin.hint.next", { min: loaderData.minLength })} error={error("next")} />
        <Field label={t("peopleAdmin.field.confirm")} name="confirm" type="password" autoComplete="new-password" error={error("confirm")} />
        <button type="submit" className="button">
          {t("peopleAdmin.password.submit")}
        </button>
      </Form>
    </section>
  );
}
