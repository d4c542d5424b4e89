import { Form } from "react-router";
import { Field } from "#app/components/field.tsx";
import { useT } from "#app/i18n/i18n.ts";
import { formatShare, formatTarget } from "#app/i18n/numbers.ts";
import { peopleMessages } from "#app/i18n/vi/people.ts";
import { planningMessages } from "#app/i18n/vi/planning.ts";
import { planningListMessages } from "#app/i18n/vi/planning-list.ts";
import { positionLabel } from "#app/people/positions.ts";
import { committeeKinds, committeeLabel, planningPositionKeys, planningPositions, type PlanningPosition } from "#app/planning/positions.ts";
import type { ProcedureStep, StepOutcome } from "#app/planning/procedure.ts";
import type { Gap } from "#app/planning/readiness.ts";
import type { Rule, Warning } from "#app/planning/rules.ts";
import { termName } from "#app/planning/terms.ts";

type ListKey = keyof typeof planningListMessages;
type Dated<T> = T extends { heldOn: Date } ? Omit<T, "heldOn"> & { heldOn: string } : T;

export type ListEntryView = {
  id: string;
  position: PlanningPosition;
  status: string;
  reason: string | null;
  user: { id: string; name: string };
  events: { id: string; on: string; status: string; reason: string | null }[];
  standing: Dated<StepOutcome>[];
  readiness: { state: "ready" | "gaps" | "not_ready"; items: Gap[] } | null;
};
export type ListView = {
  unit: { id: string; name: string };
  term: { key: string };
  judgedOn: string;
  defaultDueOn: string;
  today: string;
  warnings: Warning[];
  threshold: Rule | null;
  procedure: ProcedureStep[];
  entries: ListEntryView[];
  steps: { id: string; kind: string; heldOn: string; participants: number; note: string | null }[];
  reviews: { id: string; year: number; heldOn: string; note: string | null }[];
  cadres: { id: string; name: string; unit: string | null }[];
};
export type ActionResult =
  | { intent: string; ok: true; name?: string; assigned?: number; dueOn?: string; warnings?: number }
  | { intent: string; ok: false; errors: Partial<Record<string, ListKey>>; values: Record<string, string> };

const useListT = () => useT(planningListMessages, planningMessages, peopleMessages);
type T = ReturnType<typeof useListT>["t"];
/** A key made from data (a status, a step): the data's values are the keys' suffixes. */
type Key = Parameters<T>[0];

function warningText(t: T, w: Warning, names: ReadonlyMap<string, string>) {
  switch (w.kind) {
    case "over-per-position":
      return t("planning.warning.over-per-position", { position: t(positionLabel(w.position)), count: w.count, limit: w.limit, source: w.source });
    case "over-positions-per-person":
      return t("planning.warning.over-positions-per-person", { name: names.get(w.userId) ?? "", count: w.count, limit: w.limit, source: w.source });
    case "women-share":
      return t("planning.warning.women-share", { share: formatShare(w.women / w.total), women: w.women, total: w.total, body: t(`planning.body.${w.body}`), minimum: formatTarget(w.minimum), source: w.source });
    case "young-share":
      return t("planning.warning.young-share", { share: formatShare(w.young / w.total), young: w.young, total: w.total, body: t(`planning.body.${w.body}`), minimum: formatTarget(w.minimum), source: w.source });
    case "ages-out":
      return t("planning.warning.ages-out", { name: names.get(w.userId) ?? "", source: w.source });
  }
}

function gapText(t: T, gap: Gap) {
  if (gap.kind === "course") return t("planning.gap.course", { course: gap.course });
  if (gap.kind === "theory_level") return t("planning.gap.theory_level", { level: t(`people.theory.${gap.level}`) });
  return t(`planning.gap.${gap.kind}`);
}

function outcomeText(t: T, o: Dated<StepOutcome>, threshold: Rule | null, date: (d: string) => string) {
  const step = t(`planning.step.${o.step}` as Key);
  if (o.state === "pending") return `${step}: ${t("planning.stepState.pending")}`;
  const parts = [`${step}: ${t(`planning.stepState.${o.state}`)} (${date(o.heldOn)})`];
  if (o.state !== "absent" && o.votes !== null) {
    parts.push(t("planning.votes", { votes: o.votes, participants: o.participants }));
    if (threshold) parts.push(t("planningList.threshold", { share: formatTarget(threshold.value), source: threshold.source }));
  }
  return parts.join(", ");
}

function errorOf(result: ActionResult | undefined, intent: string, field: string, entry?: string) {
  if (!result || result.ok || result.intent !== intent) return undefined;
  if (entry !== undefined && result.values.entry !== entry) return undefined;
  return result.errors[field];
}
const valueOf = (result: ActionResult | undefined, intent: string, field: string) => (result && !result.ok && result.intent === intent ? result.values[field] : undefined);

function FieldError({ id, error }: { id: string; error: ListKey | undefined }) {
  const { t } = useListT();
  return error ? (
    <span className="field-error" id={id}>
      {t(error)}
    </span>
  ) : null;
}

function Notice({ result }: { result: ActionResult | undefined }) {
  const { t, date } = useListT();
  if (!result) return null;
  if (!result.ok)
    return (
      <p className="form-error" role="alert">
        {t("planningList.formInvalid")}
      </p>
    );
  const done = t(`planningList.done.${result.intent}` as ListKey, { name: result.name ?? "" });
  return (
    <div className="callout callout-tip" role="status">
      <p>
        {done} {result.assigned ? t("planningList.done.assigned", { count: result.assigned, date: date(result.dueOn!) }) : null}
      </p>
      {result.warnings ? <p>{t("planningList.warningCount", { count: result.warnings })}</p> : null}
    </div>
  );
}

function EntryCard({ entry, threshold, canManage, result }: { entry: ListEntryView; threshold: Rule | null; canManage: boolean; result: ActionResult | undefined }) {
  const { t, date } = useListT();
  const removeError = errorOf(result, "remove", "reason", entry.id);
  return (
    <li className="card" id={`entry-${entry.id}`}>
      <h4>{entry.user.name}</h4>
      <p>
        <span className="badge badge-optional">{t(`planning.status.${entry.status}` as Key)}</span>
      </p>
      {entry.readiness ? (
        <div>
          <p>
            <strong>{t("planningList.readinessTitle")}:</strong>{" "}
            <span data-readiness={entry.readiness.state}>{t(`planning.readiness.${entry.readiness.state}`, { count: entry.readiness.items.length })}</span>
          </p>
          {entry.readiness.items.length > 0 ? (
            <ul>
              {entry.readiness.items.map((gap, i) => (
                <li key={i}>{gapText(t, gap)}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <p>
        <strong>{t("planningList.standingTitle")}:</strong>
      </p>
      <ol>
        {entry.standing.map((o) => (
          <li key={o.step}>{outcomeText(t, o, threshold, date)}</li>
        ))}
      </ol>
      <details>
        <summary>{t("planningList.historyTitle")}</summary>
        <ul>
          {entry.events.map((ev) => (
            <li key={ev.id}>
              {t(ev.reason ? "planningList.eventReason" : "planningList.event", { date: date(ev.on), status: t(`planning.status.${ev.status}` as Key), reason: ev.reason ?? "" })}
            </li>
          ))}
        </ul>
      </details>
      {canManage ? (
        <div className="stack">
          {entry.status === "proposed" ? (
            <Form method="post">
              <input type="hidden" name="intent" value="approve" />
              <input type="hidden" name="entry" value={entry.id} />
              <button type="submit" className="button button-secondary">
                {t("planningList.approve")}
              </button>
              <FieldError id={`approve-${entry.id}-error`} error={errorOf(result, "approve", "entry", entry.id)} />
            </Form>
          ) : null}
          <details open={removeError ? true : undefined}>
            <summary>{t("planningList.remove")}</summary>
            <Form method="post" className="stack" noValidate>
              <input type="hidden" name="intent" value="remove" />
              <input type="hidden" name="entry" value={entry.id} />
              <Field label={t("planningList.reason")} name="reason" defaultValue={removeError ? valueOf(result, "remove", "reason") : undefined} error={removeError && t(removeError)} />
              <button type="submit" className="button button-secondary">
                {t("planningList.remove")}
              </button>
            </Form>
          </details>
        </div>
      ) : null}
    </li>
  );
}

/** The list as it stands: warnings, then each committee's positions with the people planned, then who was removed. */
export function PlanningListBody({ view, result, canManage }: { view: ListView; result: ActionResult | undefined; canManage: boolean }) {
  const { t, date } = useListT();
  const names = new Map(view.entries.map((e) => [e.user.id, e.user.name]));
  const current = view.entries.filter((e) => e.status !== "removed");
  const removed = view.entries.filter((e) => e.status === "removed");
  return (
    <>
      <p className="lead">{t("planning.term", { term: termName(view.term.key) })}</p>
      <Notice result={result} />
      <section aria-labelledby="warnings-title">
        <h2 id="warnings-title">{t("planningList.warningsTitle")}</h2>
        <p className="muted">{t("planningList.judgedOn", { date: date(view.judgedOn) })}</p>
        {view.warnings.length === 0 ? (
          <p>{t("planningList.noWarnings")}</p>
        ) : (
          <ul className="callout callout-warning">
            {view.warnings.map((w, i) => (
              <li key={i}>{warningText(t, w, names)}</li>
            ))}
          </ul>
        )}
      </section>
      {current.length === 0 ? <p>{t("planningList.empty")}</p> : null}
      {committeeKinds.map((kind) => {
        const positions = planningPositionKeys.filter((p) => planningPositions[p].committee === kind && current.some((e) => e.position === p));
        if (positions.length === 0) return null;
        return (
          <section key={kind}>
            <h2>{t(committeeLabel(kind))}</h2>
            {positions.map((position) => {
              const people = current.filter((e) => e.position === position);
              return (
                <section key={position} aria-label={t(positionLabel(position))}>
                  <h3>
                    {t(positionLabel(position))} <span className="muted">({t("planningList.people", { count: people.length })})</span>
                  </h3>
                  <ul className="card-list">
                    {people.map((entry) => (
                      <EntryCard key={entry.id} entry={entry} threshold={view.threshold} canManage={canManage} result={result} />
                    ))}
                  </ul>
                </section>
              );
            })}
          </section>
        );
      })}
      {removed.length > 0 ? (
        <section aria-labelledby="removed-title">
          <h2 id="removed-title">{t("planningList.removedTitle")}</h2>
          <ul>
            {removed.map((e) => (
              <li key={e.id}>{t("planningList.removedReason", { name: e.user.name, position: t(positionLabel(e.position)), reason: e.reason ?? "" })}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {view.steps.length > 0 ? (
        <section aria-labelledby="steps-title">
          <h2 id="steps-title">{t("planningList.stepsTitle")}</h2>
          <ul>
            {view.steps.map((s) => (
              <li key={s.id}>
                {t("planningList.stepRow", { date: date(s.heldOn), step: t(`planning.step.${s.kind}` as Key), participants: s.participants })}
                {s.note ? <span className="muted"> — {s.note}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {view.reviews.length > 0 ? (
        <section aria-labelledby="reviews-title">
          <h2 id="reviews-title">{t("planningList.reviewsTitle")}</h2>
          <ul>
            {view.reviews.map((r) => (
              <li key={r.id}>
                {t("planningList.reviewRow", { year: r.year, date: date(r.heldOn) })}
                {r.note ? <span className="muted"> — {r.note}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

function CadreSelect({ name, label, cadres, result, intent, error }: { name: string; label: string; cadres: ListView["cadres"]; result: ActionResult | undefined; intent: string; error: ListKey | undefined }) {
  const { t } = useListT();
  return (
    <label className="field">
      <span>{label}</span>
      <select name={name} defaultValue={valueOf(result, intent, name) ?? ""} aria-invalid={error ? true : undefined} aria-describedby={error ? `${intent}-${name}-error` : undefined}>
        <option value="">{t("planningList.chooseCadre")}</option>
        {cadres.map((c) => (
          <option key={c.id} value={c.id}>
            {c.unit ? `${c.name} (${c.unit})` : c.name}
          </option>
        ))}
      </select>
      <FieldError id={`${intent}-${name}-error`} error={error} />
    </label>
  );
}

function PositionSelect({ name, result, intent, error, none }: { name: string; result: ActionResult | undefined; intent: string; error: ListKey | undefined; none?: string }) {
  const { t } = useListT();
  return (
    <label className="field">
      <span>{t("planningList.position")}</span>
      <select name={name} defaultValue={valueOf(result, intent, name) ?? ""} aria-invalid={error ? true : undefined} aria-describedby={error ? `${intent}-${name}-error` : undefined}>
        {none ? <option value="">{none}</option> : null}
        {planningPositionKeys.map((p) => (
          <option key={p} value={p}>
            {t(positionLabel(p))} · {t(committeeLabel(planningPositions[p].committee))}
          </option>
        ))}
      </select>
      <FieldError id={`${intent}-${name}-error`} error={error} />
    </label>
  );
}

/** The organizer's forms: plan a cadre, record a step of the procedure, record the yearly review. */
export function PlanningForms({ view, result }: { view: ListView; result: ActionResult | undefined }) {
  const { t } = useListT();
  const current = view.entries.filter((e) => e.status !== "removed");
  const err = (intent: string, field: string) => {
    const key = errorOf(result, intent, field);
    return key && t(key);
  };
  const value = (intent: string, field: string, fallback?: string) => valueOf(result, intent, field) ?? fallback;
  return (
    <>
      <section aria-labelledby="add-title">
        <h2 id="add-title">{t("planningList.addTitle")}</h2>
        <Form method="post" className="stack narrow" noValidate>
          <input type="hidden" name="intent" value="plan" />
          <CadreSelect name="cadre" label={t("planningList.cadre")} cadres={view.cadres} result={result} intent="plan" error={errorOf(result, "plan", "cadre")} />
          <PositionSelect name="position" result={result} intent="plan" error={errorOf(result, "plan", "position")} />
          <Field type="date" name="dueOn" label={t("planningList.dueOn")} hint={t("planningList.dueHint")} defaultValue={value("plan", "dueOn", view.defaultDueOn)} error={err("plan", "dueOn")} />
          <button type="submit" className="button">
            {t("planningList.add")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="step-title">
        <h2 id="step-title">{t("planningList.stepTitle")}</h2>
        <Form method="post" className="stack narrow" noValidate>
          <input type="hidden" name="intent" value="step" />
          <label className="field">
            <span>{t("planningList.stepKind")}</span>
            <select name="kind" defaultValue={value("step", "kind")}>
              {view.procedure.map((s) => (
                <option key={s.key} value={s.key}>
                  {s.order}. {t(`planning.step.${s.key}` as Key)}
                </option>
              ))}
            </select>
            <FieldError id="step-kind-error" error={errorOf(result, "step", "kind")} />
          </label>
          <Field type="date" name="heldOn" label={t("planningList.heldOn")} defaultValue={value("step", "heldOn", view.today)} error={err("step", "heldOn")} />
          <Field type="number" name="participants" min={1} inputMode="numeric" label={t("planningList.participants")} defaultValue={value("step", "participants")} error={err("step", "participants")} />
          <Field name="note" label={t("planningList.note")} defaultValue={value("step", "note")} error={err("step", "note")} />
          {current.map((e) => (
            <fieldset key={e.id} className="stack">
              <legend>{t("planningList.decisionFor", { name: e.user.name, position: t(positionLabel(e.position)) })}</legend>
              <Field type="number" min={0} inputMode="numeric" name={`votes:${e.id}`} label={t("planningList.votesFor", { name: e.user.name })} defaultValue={value("step", `votes:${e.id}`)} error={err("step", `votes:${e.id}`)} />
              <label>
                <input type="checkbox" name={`selected:${e.id}`} defaultChecked={value("step", `selected:${e.id}`) !== undefined} /> {t("planningList.selectedFor", { name: e.user.name })}
              </label>
            </fieldset>
          ))}
          <button type="submit" className="button">
            {t("planningList.recordStep")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="review-title">
        <h2 id="review-title">{t("planningList.reviewTitle")}</h2>
        <Form method="post" className="stack narrow" noValidate>
          <input type="hidden" name="intent" value="review" />
          <Field type="number" name="year" inputMode="numeric" label={t("planningList.year")} defaultValue={value("review", "year", view.today.slice(0, 4))} error={err("review", "year")} />
          <Field type="date" name="heldOn" label={t("planningList.heldOn")} defaultValue={value("review", "heldOn", view.today)} error={err("review", "heldOn")} />
          <Field name="note" label={t("planningList.note")} defaultValue={value("review", "note")} error={err("review", "note")} />
          {current.map((e) => (
            <fieldset key={e.id} className="stack">
              <legend>{t("planningList.decisionFor", { name: e.user.name, position: t(positionLabel(e.position)) })}</legend>
              <label className="field">
                <span>{t("planningList.statusCol")}</span>
                <select name={`decision:${e.id}`} defaultValue={value("review", `decision:${e.id}`, "keep")}>
                  <option value="keep">{t("planningList.keep")}</option>
                  <option value="remove">{t("planningList.remove")}</option>
                </select>
              </label>
              <Field name={`reason:${e.id}`} label={t("planningList.reviewReason")} defaultValue={value("review", `reason:${e.id}`)} error={err("review", `reason:${e.id}`)} />
            </fieldset>
          ))}
          <fieldset className="stack">
            <legend>{t("planningList.reviewAdd")}</legend>
            <CadreSelect name="addCadre" label={t("planningList.cadre")} cadres={view.cadres} result={result} intent="review" error={errorOf(result, "review", "addCadre")} />
            <PositionSelect name="addPosition" result={result} intent="review" error={errorOf(result, "review", "addPosition")} none={t("planningList.noPosition")} />
            <Field type="date" name="addDueOn" label={t("planningList.dueOn")} defaultValue={value("review", "addDueOn", view.defaultDueOn)} error={err("review", "addDueOn")} />
          </fieldset>
          <button type="submit" className="button">
            {t("planningList.recordReview")}
          </button>
        </Form>
      </section>
    </>
  );
}
