import { Link } from "react-router";
import { requirePermission, requireUser } from "#app/auth/auth.server.ts";
import { scopesFor } from "#app/auth/permissions.ts";
import { requireAuthoredCourse } from "#app/authoring/drafts.server.ts";
import { reflectionsFor } from "#app/authoring/reflections.server.ts";
import { db } from "#app/db.server.ts";
import { metaT, pageTitle, useT } from "#app/i18n/i18n.ts";
import { authorMessages } from "#app/i18n/vi/author.ts";
import type { Route } from "./+types/reflections";
import "#app/styles/authoring.css";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = requireUser({ request, context });
  requirePermission(user, "course:write");
  const course = await requireAuthoredCourse(db, params.slug, user.roles);
  const paths = scopesFor(user.roles, "course:write").map((s) => s.unitPath);
  const rows = await reflectionsFor(db, course.id, paths);
  return {
    course: { slug: course.slug, title: course.title },
    reflections: rows.map((r) => ({
      id: r.id,
      activityId: r.activityId,
      text: r.value,
      updatedAt: r.updatedAt.toISOString(),
      name: r.enrollment.user.name,
      unit: r.enrollment.user.unit.name,
    })),
  };
}

export const meta: Route.MetaFunction = ({ matches, loaderData }) => {
  const t = metaT(matches, authorMessages);
  return [pageTitle(t, t("author.reflections"), loaderData?.course.title)];
};

export default function Reflections({ loaderData }: Route.ComponentProps) {
  const { t, date } = useT(authorMessages);
  return (
    <>
      <nav className="breadcrumb">
        <Link to={`/author/${loaderData.course.slug}`}>{loaderData.course.title}</Link>
      </nav>
      <h1>{t("author.reflections")}</h1>
      {loaderData.reflections.length === 0 ? <p>{t("author.noReflections")}</p> : null}
      <ul className="card-list">
        {loaderData.reflections.map((r) => (
          <li key={r.id} className="card">
            <p className="muted">
              {r.name} · {r.unit} · {r.activityId} · {date(r.updatedAt)}
            </p>
            <p className="reflection-text">{r.text}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
