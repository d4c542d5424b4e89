import { Link } from "react-router";
import { ClassTable } from "#app/components/class-table.tsx";
import { requirePermission, requireUser } from "#app/auth/auth.server.ts";
import { recordedClasses } from "#app/classes/class-changes.server.ts";
import { classListSize } from "#app/classes/classes.server.ts";
import { db } from "#app/db.server.ts";
import { metaT, pageTitle, useT } from "#app/i18n/i18n.ts";
import { classesMessages } from "#app/i18n/vi/classes.ts";
import type { Route } from "./+types/recorded";
import "#app/styles/tables.css";

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireUser({ request, context });
  requirePermission(user, "class:record");
  return { list: await recordedClasses(db, user), deleted: new URL(request.url).searchParams.has("deleted"), cut: classListSize };
}

export const meta: Route.MetaFunction = ({ matches }) => {
  const t = metaT(matches, classesMessages);
  return [pageTitle(t, t("classes.list.title"))];
};

export default function RecordedClasses({ loaderData }: Route.ComponentProps) {
  const { t } = useT(classesMessages);
  const { list, deleted, cut } = loaderData;
  return (
    <>
      <h1>{t("classes.list.title")}</h1>
      <p className="lead">{t("classes.list.lead")}</p>
      {deleted ? (
        <p role="status" className="completed-banner">
          {t("classes.list.deleted")}
        </p>
      ) : null}
      <p className="links">
        <Link to="/classes">{t("classes.list.new")}</Link>
      </p>
      {list.length === 0 ? (
        <p>{t("classes.list.none")}</p>
      ) : (
        <ClassTable caption={t("classes.list.caption")} rows={list} columns={["attendees"]} editable />
      )}
      {list.length === cut ? <p className="muted">{t("classes.list.cut", { shown: cut })}</p> : null}
    </>
  );
}
