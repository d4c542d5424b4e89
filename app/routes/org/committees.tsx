import { Form, Link, data, redirect } from "react-router";
import { z } from "zod";
import { notFound, requirePermission, requireScopedUnit, requireUser } from "#app/auth/auth.server.ts";
import { canOnUnit } from "#app/auth/permissions.ts";
import { Field, SelectField } from "#app/components/field.tsx";
import { db } from "#app/db.server.ts";
import { readForm } from "#app/http/read-form.server.ts";
import { metaT, pageTitle, useT } from "#app/i18n/i18n.ts";
import { formatShare, formatTarget } from "#app/i18n/numbers.ts";
import { peopleMessages } from "#app/i18n/vi/people.ts";
import { pipelineMessages } from "#app/i18n/vi/pipeline.ts";
import { planningMessages } from "#app/i18n/vi/planning.ts";
import { isoDay } from "#app/org/days.ts";
import { isPosition, positionLabel } from "#app/people/positions.ts";
import { committeeForm, committeesOf, outcomeCandidates, outcomeForm, recordOutcome, removeOutcome, seatsOn, setCommittee } from "#app/planning/committees.server.ts";
import { hasListFor } from "#app/planning/list-view.server.ts";
import { termByKey } from "#app/planning/lists.server.ts";
import { committeeLabel } from "#app/planning/positions.ts";
import { termName } from "#app/planning/terms.ts";
import type { Route } from "./+types/committees";
import "#app/styles/tables.css";

type PipelineKey = keyof typeof pipelineMessages;

/** The unit (in the user's scope for `permission`, at a level that elects committees) and the term of the address. */
async function target(user: Parameters<typeof requireScopedUnit>[0], permission: "planning:read" | "planning:manage", params: Route.LoaderArgs["params"]) {
  const unit = await requireScopedUnit(user, permission, params.unitId);
  const term = await termByKey(db, params.term);
  if (!term || !hasListFor(unit, term)) notFound();
  return { unit, term };
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const user = requireUser({ request, context });
  requirePermission(user, "planning:read");
  const { unit, term } = await target(user, "planning:read", params);
  const [committees, candidates] = await Promise.all([committeesOf(db, unit, term), outcomeCandidates(db, unit, term)]);
  return {
    unit: { id: unit.id, name: unit.name },
    term: term.key,
    canManage: canOnUnit(user.roles, "planning:manage", unit.path),
    committees: committees.map((c) => ({
      kind: c.kind,
      positions: seatsOn(c.kind),
      committee: c.committee && {
        id: c.committee.id,
        seats: c.committee.seats,
        people: c.committee.people,
        formedOn: c.committee.formedOn ? isoDay(c.committee.formedOn) : null,
        warning: c.committee.warning,
        members: c.committee.members.map((m) => ({ id: m.id, name: m.user.name, gender: m.user.gender, position: m.position, how: m.how, on: m.on.toISOString() })),
      },
    })),
    candidates,
  };
}

const intents = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("committee"), kind: z.string(), seats: z.string(), formedOn: z.string() }),
  z.object({ intent: z.literal("outcome"), committee: z.string(), person: z.string(), position: z.string(), how: z.string(), on: z.string() }),
  z.object({ intent: z.literal("removeOutcome"), member: z.string().min(1) }),
]);

type Errors = Partial<Record<string, PipelineKey>>;
const errorsOf = (issues: readonly z.core.$ZodIssue[]) => Object.fromEntries(issues.map((i) => [String(i.path[0]), i.message as PipelineKey])) as Errors;

export async function action({ request, context, params }: Route.ActionArgs) {
  const user = requireUser({ request, context });
  requirePermission(user, "planning:manage");
  const parsed = intents.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) throw data(null, { status: 400 });
  const form = parsed.data;
  const { unit, term } = await target(user, "planning:manage", params);
  const back = redirect(`/org/planning/${unit.id}/${term.key}/committees`);
  if (form.intent === "removeOutcome") {
    if (!(await removeOutcome(db, user, unit, term, form.member))) notFound();
    return back;
  }
  if (form.intent === "committee") {
    const fields = committeeForm.safeParse(form);
    if (!fields.success) return data({ form: form.intent, kind: form.kind, errors: errorsOf(fields.error.issues), values: form as Record<string, string> }, { status: 400 });
    const saved = await setCommittee(db, user.id, unit, term, fields.data);
    if (!saved.ok) return data({ form: form.intent, kind: form.kind, errors: { [saved.field]: saved.error } as Errors, values: form as Record<string, string> }, { status: 400 });
    return back;
  }
  const fields = outcomeForm.safeParse(form);
  const committee = form.committee;
  if (!fields.success) return data({ form: form.intent, kind: committee, errors: errorsOf(fields.error.issues), values: form as Record<string, string> }, { status: 400 });
  const saved = await recordOutcome(db, user.id, unit, term, fields.data);
  if (!saved) notFound();
  if (!saved.ok) return data({ form: form.intent, kind: committee, errors: { [saved.field]: saved.error } as Errors, values: form as Record<string, string> }, { status: 400 });
  return back;
}

export const meta: Route.MetaFunction = ({ matches }) => {
  const t = metaT(matches, pipelineMessages);
  return [pageTitle(t, t("pipeline.committeesTitle"))];
};

export default function Committees({ loaderData, actionData }: Route.ComponentProps) {
  const { t, date } = useT(pipelineMessages, planningMessages, peopleMessages);
  const { unit, term, committees, candidates, canManage } = loaderData;
  /** The errors and values of the form that was sent, for the form it came from only. */
  const sent = (form: string, kind: string) => (actionData && actionData.form === form && actionData.kind === kind ? actionData : null);
  const message = (errors: Errors | undefined, field: string) => (errors?.[field] ? t(errors[field]) : undefined);
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/org/pipeline?${new URLSearchParams({ unit: unit.id, term })}`}>← {t("pipeline.title")}</Link> · <Link to={`/org/planning/${unit.id}/${term}`}>{t("pipeline.listLink")}</Link>
      </p>
      <h1>{t("pipeline.committeesTitle")}</h1>
      <p className="lead">{t("pipeline.committeesScope", { unit: unit.name, term: termName(term) })}</p>
      {committees.map(({ kind, committee, positions }) => {
        const setSent = sent("committee", kind);
        const outcomeSent = committee ? sent("outcome", committee.id) : null;
        return (
          <section key={kind} aria-labelledby={`${kind}-title`} className="stack">
            <h2 id={`${kind}-title`}>{t(committeeLabel(kind))}</h2>
            {committee ? (
              <p>
                {t("pipeline.committee.summary", { people: committee.people, seats: committee.seats, formedOn: committee.formedOn ? date(`${committee.formedOn}T00:00:00+07:00`) : "—" })}
              </p>
            ) : (
              <p className="muted">{t("pipeline.committee.none")}</p>
            )}
            {committee?.warning ? (
              <p className="callout callout-warning" role="status">
                {t("planning.warning.committee-women", {
                  share: formatShare(committee.warning.women / committee.warning.total),
                  women: committee.warning.women,
                  total: committee.warning.total,
                  committee: t(committeeLabel(kind)),
                  minimum: formatTarget(committee.warning.minimum),
                  source: committee.warning.source,
                })}
              </p>
            ) : null}
            {committee && committee.members.length > 0 ? (
              <div className="table-scroll" tabIndex={0}>
                <table>
                  <caption className="visually-hidden">{t("pipeline.committee.members", { committee: t(committeeLabel(kind)) })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("pipeline.name")}</th>
                      <th scope="col">{t("pipeline.outcome.position")}</th>
                      <th scope="col">{t("pipeline.outcome.how")}</th>
                      <th scope="col">{t("pipeline.outcome.on")}</th>
                      {canManage ? (
                        <th scope="col">
                          <span className="visually-hidden">{t("pipeline.col.actions")}</span>
                        </th>
                      ) : null}
                    </tr>
                  </thead>
                  <tbody>
                    {committee.members.map((m) => (
                      <tr key={m.id}>
                        <th scope="row">
                          {m.name} <span className="muted">({t(m.gender === "female" ? "pipeline.women" : "pipeline.men")})</span>
                        </th>
                        <td>{isPosition(m.position) ? t(positionLabel(m.position)) : m.position}</td>
                        <td>{t(m.how === "appointed" ? "pipeline.outcome.appointed" : "pipeline.outcome.elected")}</td>
                        <td>{date(m.on)}</td>
                        {canManage ? (
                          <td>
                            <Form method="post">
                              <input type="hidden" name="intent" value="removeOutcome" />
                              <input type="hidden" name="member" value={m.id} />
                              <button type="submit" className="link-button">
                                {t("pipeline.outcome.remove")}
                              </button>
                            </Form>
                          </td>
                        ) : null}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
            {canManage ? (
              <Form method="post" className="filters" noValidate aria-label={t("pipeline.committee.setTitle", { committee: t(committeeLabel(kind)) })}>
                <input type="hidden" name="intent" value="committee" />
                <input type="hidden" name="kind" value={kind} />
                <Field label={t("pipeline.committee.seats")} name="seats" inputMode="numeric" defaultValue={setSent?.values.seats ?? committee?.seats ?? ""} error={message(setSent?.errors, "seats")} />
                <Field label={t("pipeline.committee.formedOn")} type="date" name="formedOn" defaultValue={setSent?.values.formedOn ?? committee?.formedOn ?? ""} error={message(setSent?.errors, "formedOn")} />
                <button type="submit" className="button button-secondary">
                  {t(committee ? "pipeline.committee.save" : "pipeline.committee.create")}
                </button>
              </Form>
            ) : null}
            {canManage && committee ? (
              <Form method="post" className="stack narrow" noValidate aria-label={t("pipeline.outcome.title", { committee: t(committeeLabel(kind)) })}>
                <h3>{t("pipeline.outcome.title", { committee: t(committeeLabel(kind)) })}</h3>
                <input type="hidden" name="intent" value="outcome" />
                <input type="hidden" name="committee" value={committee.id} />
                <SelectField label={t("pipeline.outcome.person")} name="person" defaultValue={outcomeSent?.values.person} error={message(outcomeSent?.errors, "person")}>
                  {candidates.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </SelectField>
                <SelectField label={t("pipeline.outcome.position")} name="position" defaultValue={outcomeSent?.values.position} error={message(outcomeSent?.errors, "position")}>
                  {positions.map((p) => (
                    <option key={p} value={p}>
                      {t(positionLabel(p))}
                    </option>
                  ))}
                </SelectField>
                <SelectField label={t("pipeline.outcome.how")} name="how" defaultValue={outcomeSent?.values.how ?? "elected"} error={message(outcomeSent?.errors, "how")}>
                  <option value="elected">{t("pipeline.outcome.elected")}</option>
                  <option value="appointed">{t("pipeline.outcome.appointed")}</option>
                </SelectField>
                <Field label={t("pipeline.outcome.on")} type="date" name="on" defaultValue={outcomeSent?.values.on ?? committee.formedOn ?? ""} error={message(outcomeSent?.errors, "on")} />
                <button type="submit" className="button">
                  {t("pipeline.outcome.record")}
                </button>
              </Form>
            ) : null}
          </section>
        );
      })}
    </>
  );
}
