import { Link } from "react-router";
import { useT } from "#app/i18n/i18n.ts";
import { orgMessages } from "#app/i18n/vi/org.ts";

/** Previous and next links around "page n of m", for the organizer's paged tables. */
export function Pager({ page, pages, link, label }: { page: number; pages: number; link: (page: number) => string; label: string }) {
  const { t } = useT(orgMessages);
  return (
    <nav className="pager" aria-label={label}>
      {page > 1 ? <Link to={link(page - 1)}>← {t("org.prev")}</Link> : <span />}
      <span>{t("org.page", { page, pages })}</span>
      {page < pages ? <Link to={link(page + 1)}>{t("org.next")} →</Link> : <span />}
    </nav>
  );
}
