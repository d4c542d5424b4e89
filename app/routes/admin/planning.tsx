import { Form, data, redirect } from "react-router";
import { z } from "zod";
import { requirePermission, requireUser } from "#app/auth/auth.server.ts";
import { Field } from "#app/components/field.tsx";
import { getCatalog } from "#app/courses/catalog-instance.server.ts";
import { db } from "#app/db.server.ts";
import { readForm } from "#app/http/read-form.server.ts";
import { metaT, pageTitle, useT } from "#app/i18n/i18n.ts";
import { peopleMessages } from "#app/i18n/vi/people.ts";
import { planningAdminMessages, type PlanningAdminKey } from "#app/i18n/vi/planning-admin.ts";
import { fieldErrors } from "#app/people/profile.server.ts";
import { theoryLevels, type TheoryLevel } from "#app/people/profile.ts";
import { positionLabel } from "#app/people/positions.ts";
import {
  addRequirement,
  addRuleVersion,
  addTerm,
  endRequirement,
  endRequirementForm,
  planningAdminPage,
  requirementForm,
  ruleForm,
  termForm,
  type AdminErrorKey,
  type Saved,
} from "#app/planning/admin.server.ts";
import { planningLevels, planningPositionKeys, type PlanningLevel, type PlanningPosition } from "#app/planning/positions.ts";
import { termName } from "#app/planning/terms.ts";
import type { PolicyKey } from "#app/policy/policy.server.ts";
import { policyKeys, policyValueKinds, policyValueText } from "#app/policy/values.ts";
import type { Route } from "./+types/planning";
import "#app/styles/tables.css";

const shown = z.object({
  position: z.enum(planningPositionKeys as [PlanningPosition, ...PlanningPosition[]]).catch("dang_bi_thu"),
  level: z.enum(planningLevels).catch("commune"),
});
const pageOf = (url: URL) => shown.parse(Object.fromEntries(url.searchParams));
const pageUrl = (page: z.output<typeof shown>, saved = false) => `/admin/planning?${new URLSearchParams({ ...page, ...(saved ? { saved: "1" } : {}) })}`;

function inForceOn(row: { effectiveFrom: Date; effectiveTo: Date | null }, now: Date) {
  if (row.effectiveFrom > now) return "future" as const;
  return row.effectiveTo && row.effectiveTo <= now ? ("ended" as const) : ("inForce" as const);
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireUser({ request, context });
  requirePermission(user, "planning:rules");
  const url = new URL(request.url);
  const page = pageOf(url);
  const [catalog, { terms, rules, requirements }] = await Promise.all([getCatalog(), planningAdminPage(db, page.position, page.level)]);
  const now = new Date();
  return {
    page,
    saved: url.searchParams.has("saved"),
    terms,
    rules: rules.map((r) => ({ ...r, state: inForceOn(r, now) })),
    requirements: requirements.map((r) => ({ ...r, state: inForceOn(r, now) })),
    courses: catalog.courses.map((c) => ({ slug: c.slug, title: c.title })),
  };
}

const intents = ["addTerm", "addRequirement", "endRequirement", "addRule"] as const;
const intent = z.object({ intent: z.enum(intents) });
type Intent = (typeof intents)[number];

export async function action({ request, context }: Route.ActionArgs) {
  const user = requireUser({ request, context });
  requirePermission(user, "planning:rules");
  const page = pageOf(new URL(request.url));
  const values = Object.fromEntries([...(await readForm(request))].map(([k, v]) => [k, typeof v === "string" ? v : ""]));
  const parsed = intent.safeParse(values);
  if (!parsed.success) throw data(null, { status: 400 });
  const which = parsed.data.intent;
  const run = async <S extends z.ZodType>(schema: S, save: (input: z.output<S>) => Promise<Saved>) => {
    const form = schema.safeParse(values);
    return form.success ? save(form.data) : ({ ok: false, errors: fieldErrors(form.error) as Record<string, AdminErrorKey> } as const);
  };
  const saved =
    which === "addTerm"
      ? await run(termForm, (t) => addTerm(db, user.id, t))
      : which === "addRequirement"
        ? await run(requirementForm((await getCatalog()).courses.map((c) => c.slug)), (r) => addRequirement(db, user.id, r))
        : which === "endRequirement"
          ? await run(endRequirementForm, (r) => endRequirement(db, user.id, r))
          : await run(ruleForm, (r) => addRuleVersion(db, user.id, r));
  if (!saved.ok) return data({ intent: which, errors: saved.errors, values }, { status: 400 });
  return redirect(pageUrl(page, true));
}

export const meta: Route.MetaFunction = ({ matches }) => {
  const t = metaT(matches, planningAdminMessages);
  return [pageTitle(t, t("planningAdmin.title"))];
};

export default function PlanningAdmin({ loaderData, actionData }: Route.ComponentProps) {
  const { t, date } = useT(planningAdminMessages, peopleMessages);
  const { page, terms, rules, requirements, courses } = loaderData;
  const failed = (which: Intent) => (actionData?.intent === which ? actionData : null);
  const error = (which: Intent, name: string) => {
    const key = failed(which)?.errors[name];
    return key ? t(key) : undefined;
  };
  const value = (which: Intent, name: string, fallback = "") => String(failed(which)?.values[name] ?? fallback);
  const courseTitle = (slug: string) => courses.find((c) => c.slug === slug)?.title ?? slug;
  const theory = (level: string) => t(`people.theory.${level as TheoryLevel}`).toLowerCase();
  const item = (r: { kind: string; value: string }) =>
    r.kind === "course" ? t("planningAdmin.item.course", { course: courseTitle(r.value) }) : r.kind === "theory_level" ? t("planningAdmin.item.theory_level", { level: theory(r.value) }) : t("planningAdmin.item.party_member");
  const select = (which: Intent, name: string, label: PlanningAdminKey, children: React.ReactNode, fallback = "") => (
    <label className="field">
      <span>{t(label)}</span>
      <select name={name} defaultValue={value(which, name, fallback)}>
        {children}
      </select>
      {error(which, name) ? <span className="field-error">{error(which, name)}</span> : null}
    </label>
  );
  const ending = failed("endRequirement");
  return (
    <>
      <h1>{t("planningAdmin.title")}</h1>
      <p className="lead">{t("planningAdmin.lead")}</p>
      {loaderData.saved ? <p role="status">{t("planningAdmin.saved")}</p> : null}

      <h2>{t("planningAdmin.terms")}</h2>
      <div className="table-scroll" tabIndex={0}>
        <table>
          <caption className="visually-hidden">{t("planningAdmin.terms")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("planningAdmin.col.term")}</th>
              <th scope="col">{t("planningAdmin.col.startsOn")}</th>
              <th scope="col">{t("planningAdmin.col.endsOn")}</th>
              <th scope="col">{t("planningAdmin.col.treeOn")}</th>
            </tr>
          </thead>
          <tbody>
            {terms.map((term) => (
              <tr key={term.id}>
                <th scope="row">{termName(term.key)}</th>
                <td>{date(term.startsOn)}</td>
                <td>{date(term.endsOn)}</td>
                <td>{date(term.treeOn)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{t("planningAdmin.addTerm")}</h3>
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value="addTerm" />
        <Field label={t("planningAdmin.field.key")} name="key" hint={t("planningAdmin.hint.key")} defaultValue={value("addTerm", "key")} error={error("addTerm", "key")} />
        <Field label={t("planningAdmin.field.startsOn")} name="startsOn" type="date" defaultValue={value("addTerm", "startsOn")} error={error("addTerm", "startsOn")} />
        <Field label={t("planningAdmin.field.endsOn")} name="endsOn" type="date" defaultValue={value("addTerm", "endsOn")} error={error("addTerm", "endsOn")} />
        <Field label={t("planningAdmin.field.treeOn")} name="treeOn" type="date" hint={t("planningAdmin.hint.treeOn")} defaultValue={value("addTerm", "treeOn")} error={error("addTerm", "treeOn")} />
        <button type="submit" className="button">
          {t("planningAdmin.addTerm")}
        </button>
      </Form>

      <h2 id="requirements">{t("planningAdmin.requirements")}</h2>
      <p>{t("planningAdmin.requirementsLead")}</p>
      <Form method="get" className="filters">
        <label className="field">
          <span>{t("planningAdmin.field.position")}</span>
          <select name="position" defaultValue={page.position}>
            {planningPositionKeys.map((p) => (
              <option key={p} value={p}>
                {t(positionLabel(p))}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t("planningAdmin.field.unitLevel")}</span>
          <select name="level" defaultValue={page.level}>
            {planningLevels.map((l) => (
              <option key={l} value={l}>
                {t(`planningAdmin.level.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button button-secondary">
          {t("planningAdmin.show")}
        </button>
      </Form>
      {requirements.length === 0 ? (
        <p>{t("planningAdmin.noRequirements")}</p>
      ) : (
        <div className="table-scroll" tabIndex={0}>
          <table>
            <caption className="visually-hidden">{t("planningAdmin.requirementsCaption", { position: t(positionLabel(page.position)), level: t(`planningAdmin.level.${page.level as PlanningLevel}`) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("planningAdmin.col.item")}</th>
                <th scope="col">{t("planningAdmin.col.source")}</th>
                <th scope="col">{t("planningAdmin.col.from")}</th>
                <th scope="col">{t("planningAdmin.col.to")}</th>
                <th scope="col">{t("planningAdmin.col.state")}</th>
              </tr>
            </thead>
            <tbody>
              {requirements.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{item(r)}</th>
                  <td>{r.source}</td>
                  <td>{date(r.effectiveFrom)}</td>
                  <td>
                    {r.effectiveTo ? (
                      date(r.effectiveTo)
                    ) : (
                      <Form method="post" className="inline-form" noValidate>
                        <input type="hidden" name="intent" value="endRequirement" />
                        <input type="hidden" name="requirementId" value={r.id} />
                        <Field
                          label={t("planningAdmin.field.effectiveTo")}
                          name="effectiveTo"
                          type="date"
                          error={ending?.values.requirementId === r.id ? error("endRequirement", "effectiveTo") : undefined}
                        />
                        <button type="submit" className="button button-secondary">
                          {t("planningAdmin.end")}
                        </button>
                      </Form>
                    )}
                  </td>
                  <td className={r.state === "inForce" ? "status-done" : "status-none"}>{t(`planningAdmin.state.${r.state}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>{t("planningAdmin.addRequirement")}</h3>
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value="addRequirement" />
        <input type="hidden" name="position" value={page.position} />
        <input type="hidden" name="unitLevel" value={page.level} />
        <p>
          {t(positionLabel(page.position))}, {t(`planningAdmin.level.${page.level as PlanningLevel}`)}
        </p>
        {select(
          "addRequirement",
          "item",
          "planningAdmin.field.item",
          <>
            <optgroup label={t("planningAdmin.group.course")}>
              {courses.map((c) => (
                <option key={c.slug} value={`course:${c.slug}`}>
                  {c.title}
                </option>
              ))}
            </optgroup>
            <optgroup label={t("planningAdmin.group.theory")}>
              {theoryLevels.map((l) => (
                <option key={l} value={`theory_level:${l}`}>
                  {t(`people.theory.${l}`)}
                </option>
              ))}
            </optgroup>
            <optgroup label={t("planningAdmin.group.other")}>
              <option value="party_member:yes">{t("planningAdmin.item.party_member")}</option>
            </optgroup>
          </>,
        )}
        <Field label={t("planningAdmin.field.source")} name="source" defaultValue={value("addRequirement", "source")} error={error("addRequirement", "source")} />
        <Field
          label={t("planningAdmin.field.effectiveFrom")}
          name="effectiveFrom"
          type="date"
          defaultValue={value("addRequirement", "effectiveFrom")}
          error={error("addRequirement", "effectiveFrom")}
        />
        <button type="submit" className="button">
          {t("planningAdmin.addRequirement")}
        </button>
      </Form>

      <h2 id="rules">{t("planningAdmin.rules")}</h2>
      <p>{t("planningAdmin.rulesLead")}</p>
      <div className="table-scroll" tabIndex={0}>
        <table>
          <caption className="visually-hidden">{t("planningAdmin.rules")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("planningAdmin.col.rule")}</th>
              <th scope="col">{t("planningAdmin.col.value")}</th>
              <th scope="col">{t("planningAdmin.col.source")}</th>
              <th scope="col">{t("planningAdmin.col.from")}</th>
              <th scope="col">{t("planningAdmin.col.to")}</th>
              <th scope="col">{t("planningAdmin.col.note")}</th>
            </tr>
          </thead>
          <tbody>
            {rules.map((r) => {
              const key = r.key as PolicyKey;
              const known = Object.hasOwn(policyValueKinds, key);
              return (
                <tr key={r.id} className={r.state === "inForce" ? undefined : "status-none"}>
                  <th scope="row">{known ? t(`planningAdmin.rule.${key}`) : r.key}</th>
                  <td className="num">{known ? policyValueText(policyValueKinds[key], r.value) : r.value}</td>
                  <td>{r.source}</td>
                  <td>{date(r.effectiveFrom)}</td>
                  <td>{r.effectiveTo ? date(r.effectiveTo) : t(`planningAdmin.state.${r.state}`)}</td>
                  <td>{r.note}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <h3>{t("planningAdmin.addRule")}</h3>
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value="addRule" />
        {select(
          "addRule",
          "key",
          "planningAdmin.field.rule",
          policyKeys.map((k) => (
            <option key={k} value={k}>
              {t(`planningAdmin.rule.${k}`)}
            </option>
          )),
        )}
        <Field label={t("planningAdmin.field.value")} name="value" hint={t("planningAdmin.hint.value")} defaultValue={value("addRule", "value")} error={error("addRule", "value")} />
        <Field label={t("planningAdmin.field.source")} name="source" defaultValue={value("addRule", "source")} error={error("addRule", "source")} />
        <Field label={t("planningAdmin.field.effectiveFrom")} name="effectiveFrom" type="date" defaultValue={value("addRule", "effectiveFrom")} error={error("addRule", "effectiveFrom")} />
        <button type="submit" className="button">
          {t("planningAdmin.addRule")}
        </button>
      </Form>
    </>
  );
}
