import { Form, Link, data } from "react-router";
import { z } from "zod";
import { requirePermission, requireScopedUnit, requireUser } from "#app/auth/auth.server.ts";
import { getCatalog } from "#app/courses/catalog-instance.server.ts";
import { db } from "#app/db.server.ts";
import { useT } from "#app/i18n/i18n.ts";
import { orgMessages } from "#app/i18n/vi/org.ts";
import { peopleMessages } from "#app/i18n/vi/people.ts";
import { cadreProgress, communeCompletion } from "#app/org/learning-report.server.ts";
import { positionLabel } from "#app/people/positions.ts";
import type { Route } from "./+types/dashboard";
import "#app/styles/tables.css";

const query = z.object({
  unit: z.string().min(1).optional(),
  course: z.string().optional(),
  page: z.coerce.number().int().min(1).catch(1),
});

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireUser({ request, context });
  requirePermission(user, "report:read");
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw data(null, { status: 400 });
  const params = parsed.data;
  const unit = await requireScopedUnit(user, "report:read", params.unit);
  const catalog = await getCatalog();
  const course = catalog.bySlug.get(params.course ?? "") ?? catalog.courses[0];
  const [communes, cadres] = await Promise.all([
    course ? communeCompletion(db, unit, course.id) : [],
    cadreProgress(db, unit, params.page, catalog.courses),
  ]);
  return {
    unit: { id: unit.id, name: unit.name },
    courses: catalog.courses.map((c) => ({ id: c.id, slug: c.slug, title: c.title, lessons: c.lessons.length })),
    course: course ? { slug: course.slug, title: course.title } : null,
    communes,
    cadres: { ...cadres, page: Math.min(params.page, cadres.pages) },
  };
}

export const meta: Route.MetaFunction = () => [{ title: "Theo dõi học tập · Lan Tỏa" }];

export default function Dashboard({ loaderData }: Route.ComponentProps) {
  const { t, date } = useT(orgMessages, peopleMessages);
  const { unit, courses, communes, cadres } = loaderData;
  const pageLink = (page: number) => `?${new URLSearchParams({ unit: unit.id, course: loaderData.course?.slug ?? "", page: String(page) })}`;
  return (
    <>
      <h1>{t("org.title")}</h1>
      <p className="lead">{t("org.scope", { unit: unit.name })}</p>
      <Form method="get" className="filters">
        <input type="hidden" name="unit" value={unit.id} />
        <label className="field">
          <span>{t("org.course")}</span>
          <select name="course" defaultValue={loaderData.course?.slug}>
            {courses.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.title}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button button-secondary">
          {t("org.show")}
        </button>
      </Form>

      <h2>{t("org.communes")}</h2>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("org.commune")}</th>
              <th scope="col">{t("org.district")}</th>
              <th scope="col" className="num">{t("org.people")}</th>
              <th scope="col" className="num">{t("org.completed")}</th>
              <th scope="col" className="num">{t("org.rate")}</th>
            </tr>
          </thead>
          <tbody>
            {communes.map((row) => (
              <tr key={row.id}>
                <th scope="row">
                  <Link to={`?${new URLSearchParams({ unit: row.id, course: loaderData.course?.slug ?? "" })}`}>{row.name}</Link>
                </th>
                <td>{row.parentName}</td>
                <td className="num">{row.people}</td>
                <td className="num">{row.completed}</td>
                <td className="num">{row.people ? Math.round((row.completed / row.people) * 100) : 0}%</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>{t("org.cadres")}</h2>
      {cadres.rows.length === 0 ? <p>{t("org.noPeople")}</p> : null}
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("org.name")}</th>
              <th scope="col">{t("org.unit")}</th>
              <th scope="col">{t("org.position")}</th>
              {courses.map((c) => (
                <th scope="col" key={c.id}>
                  {c.title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {cadres.rows.map((row) => (
              <tr key={row.id}>
                <th scope="row">{row.name}</th>
                <td>{row.unitName}</td>
                <td>{row.positions.map((p) => t(positionLabel(p))).join(", ")}</td>
                {courses.map((c) => {
                  const p = row.courses[c.id];
                  return (
                    <td key={c.id} className={p?.needsRefresh ? "status-refresh" : p?.completedAt ? "status-done" : p ? "status-progress" : "status-none"}>
                      {p?.needsRefresh
                        ? t("org.needsRefresh")
                        : p?.completedAt
                          ? t("org.done", { date: date(p.completedAt) })
                          : p
                            ? t("org.inProgress", { done: p.done, total: c.lessons })
                            : t("org.notStarted")}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav className="pager" aria-label={t("org.cadres")}>
        {cadres.page > 1 ? <Link to={pageLink(cadres.page - 1)}>← {t("org.prev")}</Link> : <span />}
        <span>{t("org.page", { page: cadres.page, pages: cadres.pages })}</span>
        {cadres.page < cadres.pages ? <Link to={pageLink(cadres.page + 1)}>{t("org.next")} →</Link> : <span />}
      </nav>
    </>
  );
}
