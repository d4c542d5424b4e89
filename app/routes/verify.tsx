import { Link, data } from "react-router";
import { clientAddress } from "#app/auth/client-address.ts";
import { claimAttempt, minutesUntil } from "#app/auth/throttle.server.ts";
import { certificateByCode } from "#app/certificates/certificates.server.ts";
import { db } from "#app/db.server.ts";
import { metaT, pageTitle, useT } from "#app/i18n/i18n.ts";
import { certificateMessages } from "#app/i18n/vi/certificate.ts";
import type { Route } from "./+types/verify";
import "#app/styles/certificate.css";

// Public: anyone holding a code (an employer, a district office) may check it without an account.
// Codes are short enough to guess, so an address that looks up many codes that do not exist must wait.
export async function loader({ request, params }: Route.LoaderArgs) {
  const attempt = await claimAttempt(db, "verify-address", clientAddress(request) ?? "unknown");
  if (!attempt.allowed) return data({ code: params.code, certificate: null, retryMinutes: minutesUntil(attempt.retryAt) }, { status: 429 });
  const certificate = await certificateByCode(db, params.code);
  await (certificate ? attempt.passed() : attempt.failed());
  if (!certificate) return data({ code: params.code, certificate: null, retryMinutes: null }, { status: 404 });
  const { userId: _, classSession: __, ...shown } = certificate;
  return { code: certificate.code, certificate: { ...shown, issuedAt: shown.issuedAt.toISOString() }, retryMinutes: null };
}

export const meta: Route.MetaFunction = ({ matches }) => {
  const t = metaT(matches, certificateMessages);
  return [pageTitle(t, t("certificate.verifyTitle")), { name: "robots", content: "noindex" }];
};

export default function Verify({ loaderData }: Route.ComponentProps) {
  const { t, date } = useT(certificateMessages);
  const { certificate } = loaderData;
  return (
    <section className="narrow">
      <h1>{t("certificate.verifyTitle")}</h1>
      {certificate ? (
        <>
          <p className="badge badge-done" role="status">
            ✓ {t("certificate.valid")}
          </p>
          <dl className="certificate-facts">
            <dt>{t("certificate.holder")}</dt>
            <dd>{certificate.holderName}</dd>
            <dt>{t("certificate.unit")}</dt>
            <dd>{certificate.unitName}</dd>
            <dt>{t("certificate.course")}</dt>
            <dd>{certificate.courseTitle}</dd>
            <dt>{t("certificate.version")}</dt>
            <dd>{certificate.courseVersion}</dd>
            <dt>{t("certificate.issuedAt")}</dt>
            <dd>{date(certificate.issuedAt)}</dd>
            <dt>{t("certificate.code")}</dt>
            <dd>{certificate.code}</dd>
          </dl>
        </>
      ) : (
        <p role="alert" className="form-error">
          {loaderData.retryMinutes ? t("certificate.throttled", { minutes: loaderData.retryMinutes }) : t("certificate.notFound", { code: loaderData.code })}
        </p>
      )}
      <p>
        <Link to="/verify">{t("certificate.checkAnother")}</Link>
      </p>
    </section>
  );
}
