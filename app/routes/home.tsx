import { Link, redirect } from "react-router";
import { getCurrentUser } from "#app/auth/auth.server.ts";
import { metaT, pageTitle, useT } from "#app/i18n/i18n.ts";
import { learningMessages } from "#app/i18n/vi/learning.ts";
import type { Route } from "./+types/home";

export function loader({ request, context }: Route.LoaderArgs) {
  if (getCurrentUser({ request, context })) throw redirect("/courses");
  return null;
}

export const meta: Route.MetaFunction = ({ matches }) => {
  const t = metaT(matches, learningMessages);
  return [pageTitle(t, t("home.metaTitle")), { name: "description", content: t("home.metaDescription") }];
};

export default function Home() {
  const { t } = useT(learningMessages);
  return (
    <section className="narrow">
      <h1>{t("home.title")}</h1>
      <p className="lead">{t("home.lead")}</p>
      <p>
        <Link className="button" to="/login">
          {t("nav.signIn")}
        </Link>
      </p>
    </section>
  );
}
