import { Form, Link, data, redirect } from "react-router";
import { z } from "zod";
import { notFound, requirePermission, requireScopedUnit, requireUser } from "#app/auth/auth.server.ts";
import { canOnUnit } from "#app/auth/permissions.ts";
import { getCatalog } from "#app/courses/catalog-instance.server.ts";
import {
  assignRequirement,
  coursesForUnit,
  overduePeople,
  removeRequirement,
  requirementForm,
  requirementsAround,
  requirementStanding,
} from "#app/courses/requirements.server.ts";
import { db } from "#app/db.server.ts";
import { readForm } from "#app/http/read-form.server.ts";
import { Pager } from "#app/components/pager.tsx";
import { metaT, pageTitle, useT } from "#app/i18n/i18n.ts";
import { peopleMessages } from "#app/i18n/vi/people.ts";
import { requiredMessages } from "#app/i18n/vi/required.ts";
import { isPosition, positionLabel, positions } from "#app/people/positions.ts";
import type { Route } from "./+types/required";
import "#app/styles/tables.css";

const query = z.object({
  unit: z.string().min(1).optional(),
  requirement: z.string().min(1).optional(),
  page: z.coerce.number().int().min(1).catch(1),
});

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireUser({ request, context });
  requirePermission(user, "course:assign");
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw data(null, { status: 400 });
  const params = parsed.data;
  const unit = await requireScopedUnit(user, "course:assign", params.unit);
  const catalog = await getCatalog();
  const course = (id: string) => catalog.courses.find((c) => c.id === id);
  const requirements = await requirementsAround(db, unit);
  const selected = params.requirement ? requirements.find((r) => r.id === params.requirement) : undefined;
  if (params.requirement && !selected) notFound();
  const now = new Date();
  const [standings, overdue] = await Promise.all([
    Promise.all(requirements.map((r) => requirementStanding(db, r, unit, course(r.courseId)?.recertification ?? null, now))),
    selected ? overduePeople(db, selected, unit, course(selected.courseId)?.recertification ?? null, params.page, now) : null,
  ]);
  const titleOf = (courseId: string) => course(courseId)?.title ?? "";
  return {
    unit: { id: unit.id, name: unit.name },
    requirements: requirements.map((r, i) => ({
      id: r.id,
      course: titleOf(r.courseId),
      position: r.position !== null && isPosition(r.position) ? r.position : null,
      setOn: r.unit.name,
      dueOn: r.dueOn.toISOString(),
      standing: standings[i]!,
      removable: canOnUnit(user.roles, "course:assign", r.unit.path),
    })),
    overdue: selected && overdue ? { requirementId: selected.id, course: titleOf(selected.courseId), ...overdue } : null,
    courses: coursesForUnit(catalog.courses, unit).map((c) => ({ slug: c.slug, title: c.title })),
  };
}

const intents = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("assign"), unit: z.string().min(1), course: z.string(), position: z.string(), dueOn: z.string() }),
  z.object({ intent: z.literal("remove"), unit: z.string().min(1), requirement: z.string().min(1) }),
]);

type Errors = Partial<Record<"course" | "position" | "dueOn", keyof typeof requiredMessages>>;

export async function action({ request, context }: Route.ActionArgs) {
  const user = requireUser({ request, context });
  requirePermission(user, "course:assign");
  const parsed = intents.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) throw data(null, { status: 400 });
  const form = parsed.data;
  if (form.intent === "remove") {
    if (!(await removeRequirement(db, user, form.requirement))) notFound();
    return redirect(`/org/required?${new URLSearchParams({ unit: form.unit })}`);
  }
  const unit = await requireScopedUnit(user, "course:assign", form.unit);
  const values = { course: form.course, position: form.position, dueOn: form.dueOn };
  const fields = requirementForm(new Date()).safeParse(values);
  const course = coursesForUnit((await getCatalog()).courses, unit).find((c) => c.slug === form.course);
  const errors: Errors = {};
  for (const issue of fields.error?.issues ?? []) errors[issue.path[0] as keyof Errors] = issue.message as keyof typeof requiredMessages;
  if (!course) errors.course = "required.courseInvalid";
  if (!fields.success || !course) return data({ errors, values }, { status: 400 });
  await assignRequirement(db, user.id, unit, course, fields.data);
  return redirect(`/org/required?${new URLSearchParams({ unit: unit.id })}`);
}

export const meta: Route.MetaFunction = ({ matches }) => {
  const t = metaT(matches, requiredMessages);
  return [pageTitle(t, t("required.title"))];
};

export default function Required({ loaderData, actionData }: Route.ComponentProps) {
  const { t, date } = useT(requiredMessages, peopleMessages);
  const { unit, requirements, overdue, courses } = loaderData;
  const errors: Errors = actionData?.errors ?? {};
  const link = (params: Record<string, string>) => `?${new URLSearchParams({ unit: unit.id, ...params })}`;
  const error = (field: keyof Errors) =>
    errors[field] ? (
      <span className="field-error" id={`${field}-error`}>
        {t(errors[field])}
      </span>
    ) : null;
  return (
    <>
      <h1>{t("required.title")}</h1>
      <p className="lead">{t("required.scope", { unit: unit.name })}</p>
      {requirements.length === 0 ? <p>{t("required.none")}</p> : null}
      <div className="table-scroll" tabIndex={0}>
        <table>
          <caption className="visually-hidden">{t("required.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("required.course")}</th>
              <th scope="col">{t("required.audience")}</th>
              <th scope="col">{t("required.dueCol")}</th>
              <th scope="col" className="num">{t("required.people")}</th>
              <th scope="col" className="num">{t("required.done")}</th>
              <th scope="col" className="num">{t("required.notDone")}</th>
              <th scope="col" className="num">{t("required.overdueCol")}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {requirements.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.course}</th>
                <td>
                  {r.position ? t(positionLabel(r.position)) : t("required.everyone")} <span className="muted">· {t("required.setOn", { unit: r.setOn })}</span>
                </td>
                <td>{date(r.dueOn)}</td>
                <td className="num">{r.standing.people}</td>
                <td className="num">{r.standing.done}</td>
                <td className="num">{r.standing.notDone}</td>
                <td className="num">{r.standing.overdue > 0 ? <Link to={link({ requirement: r.id })}>{r.standing.overdue}</Link> : 0}</td>
                <td>
                  {r.removable ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="remove" />
                      <input type="hidden" name="unit" value={unit.id} />
                      <input type="hidden" name="requirement" value={r.id} />
                      <button type="submit" className="link-button">
                        {t("required.remove")}
                      </button>
                    </Form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {overdue ? (
        <section aria-labelledby="overdue-title">
          <h2 id="overdue-title">{t("required.overdueTitle", { course: overdue.course })}</h2>
          {overdue.rows.length === 0 ? <p>{t("required.noOverdue")}</p> : null}
          <div className="table-scroll" tabIndex={0}>
            <table>
              <caption className="visually-hidden">{t("required.overdueTitle", { course: overdue.course })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("required.name")}</th>
                  <th scope="col">{t("required.unit")}</th>
                  <th scope="col">{t("required.position")}</th>
                </tr>
              </thead>
              <tbody>
                {overdue.rows.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">{p.name}</th>
                    <td>{p.unit}</td>
                    <td>{p.positions.map((position) => t(positionLabel(position))).join(", ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager page={overdue.page} pages={overdue.pages} link={(page) => link({ requirement: overdue.requirementId, page: String(page) })} label={t("required.overdueTitle", { course: overdue.course })} />
        </section>
      ) : null}

      <h2>{t("required.assignTitle")}</h2>
      <Form method="post" className="stack narrow" noValidate>
        <input type="hidden" name="intent" value="assign" />
        <input type="hidden" name="unit" value={unit.id} />
        <label className="field">
          <span>{t("required.course")}</span>
          <select name="course" defaultValue={actionData?.values.course} aria-invalid={errors.course ? true : undefined} aria-describedby={errors.course ? "course-error" : undefined}>
            {courses.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.title}
              </option>
            ))}
          </select>
          {error("course")}
        </label>
        <label className="field">
          <span>{t("required.audience")}</span>
          <select name="position" defaultValue={actionData?.values.position ?? ""} aria-invalid={errors.position ? true : undefined} aria-describedby={errors.position ? "position-error" : undefined}>
            <option value="">{t("required.everyone")}</option>
            {positions.map((p) => (
              <option key={p} value={p}>
                {t(positionLabel(p))}
              </option>
            ))}
          </select>
          {error("position")}
        </label>
        <label className="field">
          <span>{t("required.dueOn")}</span>
          <input type="date" name="dueOn" defaultValue={actionData?.values.dueOn} aria-invalid={errors.dueOn ? true : undefined} aria-describedby={errors.dueOn ? "dueOn-error" : undefined} />
          {error("dueOn")}
        </label>
        <button type="submit" className="button">
          {t("required.assign")}
        </button>
      </Form>
    </>
  );
}
