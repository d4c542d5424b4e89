import { Form, data } from "react-router";
import { z } from "zod";
import { requireScopedUnit, requireUser } from "#app/auth/auth.server.ts";
import { canOnUnit } from "#app/auth/permissions.ts";
import { Field } from "#app/components/field.tsx";
import { db } from "#app/db.server.ts";
import { readForm } from "#app/http/read-form.server.ts";
import { metaT, pageTitle, useT } from "#app/i18n/i18n.ts";
import { membershipMessages } from "#app/i18n/vi/membership.ts";
import { modelKinds } from "#app/membership/model-kinds.ts";
import { createModel, findModelWithin, modelsWithin, newModelForm, updateModel } from "#app/membership/union-models.server.ts";
import { isoDay, parseDay } from "#app/org/days.ts";
import type { Route } from "./+types/models";
import "#app/styles/tables.css";

type MessageKey = keyof typeof membershipMessages;

async function page(args: Route.LoaderArgs | Route.ActionArgs) {
  const user = requireUser(args);
  const unit = await requireScopedUnit(user, "report:read", new URL(args.request.url).searchParams.get("unit") ?? undefined);
  return { user, unit };
}

/** Open branches under the unit the user may manage: where models are added or copied to. */
async function manageableBranches(roles: Parameters<typeof canOnUnit>[0], path: string) {
  const now = new Date();
  const branches = await db.orgUnit.findMany({
    where: { path: { startsWith: path }, level: "branch", OR: [{ validTo: null }, { validTo: { gt: now } }] },
    select: { id: true, name: true, path: true },
    orderBy: { name: "asc" },
  });
  return branches.filter((b) => canOnUnit(roles, "branches:manage", b.path));
}

export async function loader(args: Route.LoaderArgs) {
  const { user, unit } = await page(args);
  const [models, branches] = await Promise.all([modelsWithin(db, unit.path), manageableBranches(user.roles, unit.path)]);
  return { unit: { id: unit.id, name: unit.name }, models, branches: branches.map(({ id, name }) => ({ id, name })) };
}

const intent = z.enum(["create", "effective", "end", "replicate"]);

export async function action(args: Route.ActionArgs) {
  const { user, unit } = await page(args);
  const form = Object.fromEntries(await readForm(args.request)) as Record<string, string>;
  const parsedIntent = intent.safeParse(form.intent);
  if (!parsedIntent.success) throw data(null, { status: 400 });
  const branches = await manageableBranches(user.roles, unit.path);
  const invalid = (errors: Partial<Record<string, MessageKey>>) => data({ intent: parsedIntent.data, modelId: form.modelId ?? null, errors, values: form }, { status: 400 });

  if (parsedIntent.data === "create") {
    const parsed = newModelForm.safeParse(form);
    const branch = branches.find((b) => b.id === form.unitId);
    if (!parsed.success || !branch) return invalid({ ...fieldErrors(parsed.error?.issues ?? []), ...(branch ? {} : { unitId: "models.error.unit" }) });
    await createModel(db, user.id, branch, parsed.data);
    return { intent: "create", modelId: null, errors: {}, values: {} };
  }

  const model = await findModelWithin(db, form.modelId ?? "", unit.path);
  if (!model || !canOnUnit(user.roles, "branches:manage", model.unit.path)) throw data(null, { status: 404 });
  const target = { id: model.id, unitPath: model.unit.path };
  if (parsedIntent.data === "effective") await updateModel(db, user.id, target, { effective: true });
  else if (parsedIntent.data === "end") {
    const endedOn = parseDay(form.endedOn ?? "");
    if (!endedOn) return invalid({ endedOn: "models.error.date" });
    if (endedOn <= model.startedOn) return invalid({ endedOn: "models.error.endBeforeStart" });
    await updateModel(db, user.id, target, { endedOn });
  } else {
    const parsed = newModelForm.safeParse({ ...form, kind: model.kind, name: form.name || model.name });
    const branch = branches.find((b) => b.id === form.unitId);
    if (!parsed.success || !branch || branch.id === model.unitId)
      return invalid({ ...fieldErrors(parsed.error?.issues ?? []), ...(!branch ? { unitId: "models.error.unit" } : branch.id === model.unitId ? { unitId: "models.error.sameUnit" } : {}) });
    await createModel(db, user.id, branch, parsed.data, model.id);
  }
  return { intent: parsedIntent.data, modelId: model.id, errors: {}, values: {} };
}

function fieldErrors(issues: readonly { path: PropertyKey[]; message: string }[]) {
  return Object.fromEntries(issues.map((i) => [String(i.path[0]), i.message as MessageKey]));
}

export const meta: Route.MetaFunction = ({ matches }) => {
  const t = metaT(matches, membershipMessages);
  return [pageTitle(t, t("models.title"))];
};

export default function Models({ loaderData, actionData }: Route.ComponentProps) {
  const { t, date } = useT(membershipMessages);
  const { unit, models, branches } = loaderData;
  const errorsFor = (intentName: string, modelId: string | null = null) =>
    actionData && actionData.intent === intentName && actionData.modelId === modelId ? (actionData.errors as Partial<Record<string, MessageKey>>) : {};
  const err = (errors: Partial<Record<string, MessageKey>>, name: string) => (errors[name] ? t(errors[name]) : undefined);
  const valuesFor = (intentName: string, modelId: string | null = null) =>
    actionData && actionData.intent === intentName && actionData.modelId === modelId ? (actionData.values as Record<string, string>) : {};
  const branchSelect = (errors: Partial<Record<string, MessageKey>>, value?: string) => (
    <label className="field">
      <span>{t("models.branch")}</span>
      <select name="unitId" defaultValue={value}>
        {branches.map((b) => (
          <option key={b.id} value={b.id}>
            {b.name}
          </option>
        ))}
      </select>
      {errors.unitId ? <span className="field-error">{t(errors.unitId)}</span> : null}
    </label>
  );
  const created = errorsFor("create");
  const createValues = valuesFor("create");
  return (
    <>
      <h1>{t("models.title")}</h1>
      <p className="lead">{t("models.unit", { unit: unit.name })}</p>
      {models.length === 0 ? <p>{t("models.none")}</p> : null}
      <ul className="card-list">
        {models.map((m) => {
          const errors = { ...errorsFor("end", m.id), ...errorsFor("replicate", m.id) };
          return (
            <li key={m.id} className="card stack">
              <h2>
                {m.name} {m.effective ? <span className="status-done">· {t("models.effective")}</span> : null}
              </h2>
              <p className="muted">
                {t(`models.kind.${m.kind}` as MessageKey)} · {m.unit.name} · {t("models.members")}: {m.members} · {t("models.startedOn")}: {date(m.startedOn)} ·{" "}
                {m.endedOn ? t("models.ended", { date: date(m.endedOn) }) : t("models.active")}
              </p>
              {m.replicatedFrom ? (
                <p>
                  {m.replicatedFrom.name === null
                    ? t("models.replicatedFromUnit", { unit: m.replicatedFrom.unit.name })
                    : t("models.replicatedFrom", { name: m.replicatedFrom.name, unit: m.replicatedFrom.unit.name })}
                </p>
              ) : null}
              {m.replicas.length > 0 ? <p>{t("models.replicas", { units: m.replicas.map((r) => r.unit.name).join(", ") })}</p> : null}
              {branches.length > 0 ? (
                <div className="filters">
                  {!m.effective ? (
                    <Form method="post">
                      <input type="hidden" name="modelId" value={m.id} />
                      <button type="submit" name="intent" value="effective" className="button button-secondary">
                        {t("models.markEffective")}
                      </button>
                    </Form>
                  ) : null}
                  {!m.endedOn ? (
                    <Form method="post" className="filters">
                      <input type="hidden" name="modelId" value={m.id} />
                      <Field label={t("models.endedOn")} name="endedOn" type="date" error={err(errors, "endedOn")} />
                      <button type="submit" name="intent" value="end" className="button button-secondary">
                        {t("models.end")}
                      </button>
                    </Form>
                  ) : null}
                  <Form method="post" className="filters">
                    <input type="hidden" name="modelId" value={m.id} />
                    {branchSelect(errors, valuesFor("replicate", m.id).unitId)}
                    <Field label={t("models.members")} name="members" inputMode="numeric" error={err(errors, "members")} />
                    <Field label={t("models.startedOn")} name="startedOn" type="date" error={err(errors, "startedOn")} />
                    <button type="submit" name="intent" value="replicate" className="button button-secondary">
                      {t("models.replicateSubmit")}
                    </button>
                  </Form>
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
      {branches.length > 0 ? (
        <>
          <h2>{t("models.add")}</h2>
          <Form method="post" className="stack narrow" noValidate>
            {branchSelect(created, createValues.unitId)}
            <label className="field">
              <span>{t("models.kind")}</span>
              <select name="kind" defaultValue={createValues.kind}>
                {modelKinds.map((k) => (
                  <option key={k} value={k}>
                    {t(`models.kind.${k}`)}
                  </option>
                ))}
              </select>
            </label>
            <Field label={t("models.name")} name="name" defaultValue={createValues.name} error={err(created, "name")} />
            <Field label={t("models.members")} name="members" inputMode="numeric" defaultValue={createValues.members} error={err(created, "members")} />
            <Field label={t("models.startedOn")} name="startedOn" type="date" defaultValue={createValues.startedOn ?? isoDay(new Date())} error={err(created, "startedOn")} />
            <button type="submit" name="intent" value="create" className="button">
              {t("models.create")}
            </button>
          </Form>
        </>
      ) : null}
    </>
  );
}
