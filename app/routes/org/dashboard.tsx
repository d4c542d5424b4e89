import { Form, Link, data } from "react-router";
import { z } from "zod";
import { requireScopedUnit, requireUser } from "#app/auth/auth.server.ts";
import { canOnUnit } from "#app/auth/permissions.ts";
import { getCatalog } from "#app/courses/catalog-instance.server.ts";
import { coursesForUnit } from "#app/courses/requirements.server.ts";
import { db } from "#app/db.server.ts";
import { Pager } from "#app/components/pager.tsx";
import { metaT, pageTitle, useT } from "#app/i18n/i18n.ts";
import { orgMessages } from "#app/i18n/vi/org.ts";
import { peopleMessages } from "#app/i18n/vi/people.ts";
import { cadreProgress, successorsOf, unitLevel, unitTrail } from "#app/org/learning-report.server.ts";
import { dayBefore, isoDay, parseDay } from "#app/org/days.ts";
import { positionLabel } from "#app/people/positions.ts";
import type { Route } from "./+types/dashboard";
import "#app/styles/tables.css";

// The report's day as in the address, yyyy-mm-dd; a day that does not exist is refused.
const reportDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((day) => parseDay(day) !== null);

const query = z.object({
  unit: z.string().min(1).optional(),
  course: z.string().optional(),
  day: reportDay.optional(),
  page: z.coerce.number().int().min(1).catch(1),
});

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireUser({ request, context });
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw data(null, { status: 400 });
  const params = parsed.data;
  const readable = (path: string) => canOnUnit(user.roles, "report:read", path);
  const unit = await requireScopedUnit(user, "report:read", params.unit);
  const day = params.day ?? isoDay(new Date());
  const catalog = await getCatalog();
  // Only the courses this unit's cadres can learn: another unit's app-authored courses are not its business.
  const courses = coursesForUnit(catalog.courses, unit);
  const course = courses.find((c) => c.slug === params.course) ?? courses[0];
  const dated = (u: { validFrom: Date | null; validTo: Date | null }) => ({
    formed: u.validFrom && parseDay(day)! < u.validFrom ? isoDay(u.validFrom) : null,
    closed: u.validTo && u.validTo <= parseDay(day)! ? { on: isoDay(u.validTo), lastDay: dayBefore(u.validTo) } : null,
  });
  const status = dated(unit);
  const level = await unitLevel(db, unit, course ?? null, parseDay(day)!);
  const [cadres, trail, successors] = await Promise.all([
    cadreProgress(db, unit, params.page, courses, level.total.people),
    unitTrail(db, unit, readable),
    status.closed ? successorsOf(db, unit) : [],
  ]);
  return {
    unit: { id: unit.id, name: unit.name, ...status },
    day,
    trail: trail.map((u) => ({ id: u.id, name: u.name })),
    successors: successors.map((u) => ({ id: u.id, name: u.name, readable: readable(u.path) })),
    courses: courses.map((c) => ({ id: c.id, slug: c.slug, title: c.title, lessons: c.lessons.length })),
    course: course ? { slug: course.slug, title: course.title } : null,
    level: {
      children: level.children.map((c) => ({ id: c.id, name: c.name, people: c.people, completed: c.completed })),
      elsewhere: level.elsewhere.map((c) => ({ id: c.id, name: c.name, ...dated(c) })),
      own: level.own,
      total: level.total,
    },
    cadres: { ...cadres, page: Math.min(params.page, cadres.pages) },
  };
}

export const meta: Route.MetaFunction = ({ matches }) => {
  const t = metaT(matches, orgMessages);
  return [pageTitle(t, t("org.title"))];
};

const rate = ({ people, completed }: { people: number; completed: number }) => `${people ? Math.round((completed / people) * 100) : 0}%`;

// The organizer's other pages, for the unit shown; each refuses what the reader may not see.
const organizerPages = [
  ["/org/people", "org.page.people"],
  ["/org/membership", "org.page.membership"],
  ["/org/required", "org.page.required"],
  ["/org/planning", "org.page.planning"],
  ["/org/pipeline", "org.page.pipeline"],
  ["/org/models", "org.page.models"],
  ["/org/classes", "org.page.classes"],
  ["/org/import", "org.page.import"],
  ["/org/audit", "org.page.audit"],
] as const;

export default function Dashboard({ loaderData }: Route.ComponentProps) {
  const { t, date } = useT(orgMessages, peopleMessages);
  const { unit, day, trail, successors, courses, level, cadres } = loaderData;
  const link = (to: { unit?: string; day?: string; page?: number }) =>
    `?${new URLSearchParams({ unit: to.unit ?? unit.id, course: loaderData.course?.slug ?? "", day: to.day ?? day, ...(to.page ? { page: String(to.page) } : {}) })}`;
  const shown = date(parseDay(day)!);
  return (
    <>
      <h1>{t("org.title")}</h1>
      <nav aria-label={t("org.pages")} className="org-pages">
        {organizerPages.map(([path, key]) => (
          <Link key={path} to={`${path}?unit=${unit.id}`}>
            {t(key)}
          </Link>
        ))}
      </nav>
      <nav aria-label={t("org.breadcrumbs")} className="breadcrumbs">
        <ol>
          {trail.map((u) => (
            <li key={u.id}>{u.id === unit.id ? <span aria-current="page">{u.name}</span> : <Link to={link({ unit: u.id })}>{u.name}</Link>}</li>
          ))}
        </ol>
      </nav>
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
        <label className="field">
          <span>{t("org.day")}</span>
          <input type="date" name="day" defaultValue={day} required />
        </label>
        <button type="submit" className="button button-secondary">
          {t("org.show")}
        </button>
      </Form>

      {unit.closed ? (
        <div className="callout callout-warning" role="status">
          <p>
            {t("org.closed", { unit: unit.name, date: date(parseDay(unit.closed.on)!) })} <Link to={link({ day: unit.closed.lastDay })}>{t("org.viewOn", { date: date(parseDay(unit.closed.lastDay)!) })}</Link>
          </p>
          {successors.length > 0 ? (
            <p>
              {t("org.successors")}{" "}
              {successors.map((s, i) => (
                <span key={s.id}>
                  {i > 0 ? ", " : null}
                  {s.readable ? <Link to={link({ unit: s.id })}>{s.name}</Link> : s.name}
                </span>
              ))}
            </p>
          ) : null}
        </div>
      ) : null}
      {unit.formed ? (
        <div className="callout callout-warning" role="status">
          <p>
            {t("org.notFormed", { unit: unit.name, date: date(parseDay(unit.formed)!) })} <Link to={link({ day: unit.formed })}>{t("org.viewOn", { date: date(parseDay(unit.formed)!) })}</Link>
          </p>
        </div>
      ) : null}

      <h2>{t("org.children")}</h2>
      {level.children.length === 0 ? <p>{t("org.noChildren", { date: shown })}</p> : null}
      <div className="table-scroll" tabIndex={0}>
        <table>
          <caption className="visually-hidden">{t("org.children")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("org.childUnit")}</th>
              <th scope="col" className="num">{t("org.people")}</th>
              <th scope="col" className="num">{t("org.completed")}</th>
              <th scope="col" className="num">{t("org.rate")}</th>
            </tr>
          </thead>
          <tbody>
            {level.children.map((row) => (
              <tr key={row.id}>
                <th scope="row">
                  <Link to={link({ unit: row.id })}>{row.name}</Link>
                </th>
                <td className="num">{row.people}</td>
                <td className="num">{row.completed}</td>
                <td className="num">{rate(row)}</td>
              </tr>
            ))}
            {level.own.people > 0 ? (
              <tr>
                <th scope="row">{t("org.own", { unit: unit.name })}</th>
                <td className="num">{level.own.people}</td>
                <td className="num">{level.own.completed}</td>
                <td className="num">{rate(level.own)}</td>
              </tr>
            ) : null}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("org.total", { unit: unit.name })}</th>
              <td className="num">{level.total.people}</td>
              <td className="num">{level.total.completed}</td>
              <td className="num">{rate(level.total)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      {level.elsewhere.length > 0 ? (
        <>
          <p>{t("org.elsewhere", { date: shown })}</p>
          <ul className="links">
            {level.elsewhere.map((c) => (
              <li key={c.id}>
                {c.closed ? (
                  <>
                    <Link to={link({ unit: c.id, day: c.closed.lastDay })}>{c.name}</Link> — {t("org.closedChild", { date: date(parseDay(c.closed.on)!) })}
                  </>
                ) : (
                  <>
                    <Link to={link({ unit: c.id, day: c.formed! })}>{c.name}</Link> — {t("org.formedChild", { date: date(parseDay(c.formed!)!) })}
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h2>{t("org.cadres")}</h2>
      {cadres.rows.length === 0 ? <p>{t("org.noPeople")}</p> : null}
      <div className="table-scroll" tabIndex={0}>
        <table>
          <caption className="visually-hidden">{t("org.cadres")}</caption>
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
      <Pager page={cadres.page} pages={cadres.pages} link={(page) => link({ page })} label={t("org.cadres")} />
    </>
  );
}
