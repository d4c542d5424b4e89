import { Form, data, redirect } from "react-router";
import { z } from "zod";
import { normaliseCode } from "#app/certificates/code.ts";
import { Field } from "#app/components/field.tsx";
import { metaT, pageTitle, useT } from "#app/i18n/i18n.ts";
import { certificateMessages } from "#app/i18n/vi/certificate.ts";
import type { Route } from "./+types/verify-form";
import { readForm } from "#app/http/read-form.server.ts";

const verifyForm = z.object({
  code: z
    .string({ error: "certificate.codeRequired" }) // missing from the post altogether
    .trim()
    .min(1, "certificate.codeRequired")
    .transform((value, ctx) => normaliseCode(value) ?? (ctx.addIssue({ code: "custom", message: "certificate.codeInvalid" }), z.NEVER)),
});

export async function action({ request }: Route.ActionArgs) {
  const form = Object.fromEntries(await readForm(request));
  const parsed = verifyForm.safeParse(form);
  if (!parsed.success) {
    const code = typeof form.code === "string" ? form.code : "";
    return data({ error: parsed.error.issues[0]!.message as keyof typeof certificateMessages, code }, { status: 400 });
  }
  return redirect(`/verify/${parsed.data.code}`);
}

export const meta: Route.MetaFunction = ({ matches }) => {
  const t = metaT(matches, certificateMessages);
  return [pageTitle(t, t("certificate.formTitle"))];
};

export default function VerifyForm({ actionData }: Route.ComponentProps) {
  const { t } = useT(certificateMessages);
  const error = actionData?.error;
  return (
    <section className="narrow">
      <h1>{t("certificate.formTitle")}</h1>
      <p>{t("certificate.formLead")}</p>
      <Form method="post" className="stack" noValidate>
        <Field
          label={t("certificate.code")}
          name="code"
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          defaultValue={actionData?.code}
          error={error ? t(error) : undefined}
        />
        <button type="submit" className="button">
          {t("certificate.submit")}
        </button>
      </Form>
    </section>
  );
}
