import { Form, data, redirect, useNavigation } from "react-router";
import { z } from "zod";
import { getCurrentUser, passwordChangePath, safeRedirectPath, signIn, startSession } from "#app/auth/auth.server.ts";
import { clientAddress } from "#app/auth/client-address.ts";
import { minutesUntil } from "#app/auth/throttle.server.ts";
import { Field } from "#app/components/field.tsx";
import { metaT, pageTitle, useT } from "#app/i18n/i18n.ts";
import { loginMessages } from "#app/i18n/vi/login.ts";
import type { Route } from "./+types/login";
import { readForm } from "#app/http/read-form.server.ts";

const loginForm = z.object({
  // A field missing from the post altogether gets the same message as an empty one.
  identifier: z.string({ error: "login.identifierRequired" }).trim().min(1, "login.identifierRequired"),
  password: z.string({ error: "login.passwordRequired" }).min(1, "login.passwordRequired"),
  redirectTo: z.string().optional(),
});

type LoginKey = keyof typeof loginMessages;
type Errors = Partial<Record<"identifier" | "password" | "form", LoginKey>>;
const refused = (status: number, errors: Errors, identifier: string, retryMinutes?: number) => data({ errors, identifier, retryMinutes }, { status });

export async function loader({ request, context }: Route.LoaderArgs) {
  const redirectTo = new URL(request.url).searchParams.get("redirectTo");
  if (getCurrentUser({ request, context })) throw redirect(safeRedirectPath(redirectTo));
  return { redirectTo: safeRedirectPath(redirectTo) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = Object.fromEntries(await readForm(request));
  const parsed = loginForm.safeParse(form);
  const identifier = typeof form.identifier === "string" ? form.identifier : "";
  if (!parsed.success) {
    const errors: Errors = {};
    for (const issue of parsed.error.issues) errors[issue.path[0] as "identifier" | "password"] = issue.message as LoginKey;
    return refused(400, errors, identifier);
  }
  const result = await signIn(parsed.data.identifier, parsed.data.password, clientAddress(request));
  if (result.userId === null) {
    if (result.deactivated) return refused(403, { form: "login.deactivated" }, identifier);
    if (!result.retryAt) return refused(400, { form: "login.invalid" }, identifier);
    return refused(429, { form: "login.throttled" }, identifier, minutesUntil(result.retryAt));
  }
  const next = safeRedirectPath(parsed.data.redirectTo ?? null);
  return redirect(result.mustChangePassword ? `${passwordChangePath}?${new URLSearchParams({ redirectTo: next })}` : next, {
    headers: { "Set-Cookie": await startSession(request, result.userId) },
  });
}

export const meta: Route.MetaFunction = ({ matches }) => {
  const t = metaT(matches, loginMessages);
  return [pageTitle(t, t("login.title"))];
};

export default function Login({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT(loginMessages);
  const busy = useNavigation().state === "submitting";
  const errors: Errors = actionData?.errors ?? {};
  return (
    <section className="narrow">
      <h1>{t("login.title")}</h1>
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="redirectTo" value={loaderData.redirectTo} />
        {errors.form ? (
          <p role="alert" className="form-error">
            {t(errors.form, { minutes: actionData?.retryMinutes ?? "" })}
          </p>
        ) : null}
        <Field
          label={t("login.identifier")}
          name="identifier"
          autoComplete="username"
          inputMode="email"
          defaultValue={actionData?.identifier}
          error={errors.identifier ? t(errors.identifier) : undefined}
        />
        <Field
          label={t("login.password")}
          name="password"
          type="password"
          autoComplete="current-password"
          error={errors.password ? t(errors.password) : undefined}
        />
        <button type="submit" className="button" disabled={busy}>
          {t("login.submit")}
        </button>
      </Form>
    </section>
  );
}
