import { Link } from "react-router";
import { requireScopedUnit, requireUser } from "#app/auth/auth.server.ts";
import { ClassTable } from "#app/components/class-table.tsx";
import { canOnUnit } from "#app/auth/permissions.ts";
import { classesPage } from "#app/classes/classes.server.ts";
import { db } from "#app/db.server.ts";
import { metaT, pageTitle, useT } from "#app/i18n/i18n.ts";
import { classesMessages } from "#app/i18n/vi/classes.ts";
import { orgMessages } from "#app/i18n/vi/org.ts";
import type { Route } from "./+types/classes";
import "#app/styles/tables.css";

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireUser({ request, context });
  const unit = await requireScopedUnit(user, "report:read", new URL(request.url).searchParams.get("unit") ?? undefined);
  const page = await classesPage(db, unit, (path) => canOnUnit(user.roles, "report:read", path));
  return { unit: { id: unit.id, name: unit.name }, mayRecord: canOnUnit(user.roles, "class:record", unit.path), ...page };
}

export const meta: Route.MetaFunction = ({ matches }) => {
  const t = metaT(matches, classesMessages);
  return [pageTitle(t, t("classes.org.title"))];
};

export default function OrgClasses({ loaderData }: Route.ComponentProps) {
  const { t } = useT(classesMessages, orgMessages);
  const { unit, trail, children, list, total, attendees } = loaderData;
  const link = (id: string) => `/org/classes?unit=${id}`;
  return (
    <>
      <nav aria-label={t("org.breadcrumbs")} className="breadcrumbs">
        <ol>
          {trail.map((u) => (
            <li key={u.id}>{u.id === unit.id ? <span aria-current="page">{u.name}</span> : <Link to={link(u.id)}>{u.name}</Link>}</li>
          ))}
        </ol>
      </nav>
      <h1>{t("classes.org.title")}</h1>
      <p className="lead">{t("classes.org.scope", { unit: unit.name, classes: total, attendees })}</p>
      {loaderData.mayRecord ? (
        <p className="links">
          <Link to={`/classes?unit=${unit.id}`}>{t("classes.org.record")}</Link>
        </p>
      ) : null}

      {children.length > 0 ? (
        <>
          <h2>{t("classes.org.children")}</h2>
          <div className="table-scroll" tabIndex={0}>
            <table>
              <caption className="visually-hidden">{t("classes.org.childrenCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("classes.org.unit")}</th>
                  <th scope="col" className="num">{t("classes.org.classes")}</th>
                  <th scope="col" className="num">{t("classes.org.attendees")}</th>
                </tr>
              </thead>
              <tbody>
                {children.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">
                      <Link to={link(c.id)}>{c.name}</Link>
                    </th>
                    <td className="num">{c.classes}</td>
                    <td className="num">{c.attendees}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}

      <h2>{t("classes.org.list")}</h2>
      {list.length === 0 ? (
        <p>{t("classes.org.none")}</p>
      ) : (
        <ClassTable caption={t("classes.org.listCaption")} rows={list} columns={["attendees", "trainer"]} />
      )}
      {total > list.length ? <p className="muted">{t("classes.org.listCut", { shown: list.length, total })}</p> : null}
    </>
  );
}
