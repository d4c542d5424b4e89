import { Link } from "react-router";
import { useT } from "#app/i18n/i18n.ts";

const known = [400, 401, 403, 404, 413, 415] as const;

/** The one error page: a status-specific message in the reader's language, never a stack trace. */
export function ErrorPage({ status }: { status: number }) {
  const { t } = useT();
  const key = (known as readonly number[]).includes(status) ? (`error.${status}` as `error.${(typeof known)[number]}`) : "error.500";
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-status">{status}</p>
      <h1 id="error-title">{t(key)}</h1>
      <p>
        <Link to="/">{t("error.home")}</Link>
      </p>
    </section>
  );
}
