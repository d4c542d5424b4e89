import { Form, Link, NavLink, useLocation } from "react-router";
import { useT } from "#app/i18n/i18n.ts";

type Props = { user: { name: string; canReadReports: boolean; canManagePeople: boolean; canWriteCourses: boolean; unitsLink: string | null } | null };

export function SiteHeader({ user }: Props) {
  const { t, locale } = useT();
  const location = useLocation();
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      <Link to="/" className="brand">
        {t("app.name")}
      </Link>
      <nav aria-label={t("app.name")}>
        {user ? (
          <>
            <NavLink to="/courses">{t("nav.courses")}</NavLink>
            {user.canReadReports ? <NavLink to="/org" end>{t("nav.org")}</NavLink> : null}
            {user.canManagePeople ? <NavLink to="/org/people">{t("nav.people")}</NavLink> : null}
            {user.canWriteCourses ? <NavLink to="/author">{t("nav.author")}</NavLink> : null}
            {user.unitsLink ? <NavLink to={user.unitsLink}>{t("nav.units")}</NavLink> : null}
          </>
        ) : null}
      </nav>
      <div className="header-actions">
        {/* A full reload, so the browser loads the other language's messages before rendering. */}
        <Form method="post" action="/language" reloadDocument>
          <input type="hidden" name="locale" value={locale === "vi" ? "en" : "vi"} />
          <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
          <button type="submit" className="link-button" lang={locale === "vi" ? "en" : "vi"}>
            {t("nav.language")}
          </button>
        </Form>
        {user ? (
          <Form method="post" action="/logout">
            <button type="submit" className="link-button">
              {t("nav.signOut")}
            </button>
          </Form>
        ) : (
          <Link to="/login">{t("nav.signIn")}</Link>
        )}
      </div>
    </header>
  );
}
