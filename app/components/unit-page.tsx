import { Form, Link } from "react-router";
import { Field } from "#app/components/field.tsx";
import { useT } from "#app/i18n/i18n.ts";
import { unitsMessages } from "#app/i18n/vi/units.ts";
import { isUnitKind, kindLabel, kindsByLevel, levelLabel } from "#app/org/unit-kinds.ts";
import type { UnitLevel } from "#app/org/unit-path.ts";
import type { UnitIntent } from "#app/org/unit-page.server.ts";
import type { FieldErrors } from "#app/org/unit-admin.server.ts";
import "#app/styles/tables.css";

type Unit = { id: string; code: string; name: string; level: string; kind: string; validFrom: Date | null; validTo: Date | null };
export type UnitPageData = {
  unit: Unit & { changeable: boolean };
  parent: { id: string; name: string } | null;
  children: Unit[];
  predecessors: Unit[];
  successors: Unit[];
  creatableLevels: UnitLevel[];
  actions: UnitIntent[];
  saved: boolean;
};
export type UnitActionData = { intent: UnitIntent; errors: FieldErrors; values: Record<string, string> } | undefined;

/** One unit of the tree, its units below (one level), and the forms of what the reader may do there. */
export function UnitPage({ data, actionData, title, linkTo }: { data: UnitPageData; actionData: UnitActionData; title: string; linkTo: (id: string) => string }) {
  const { t, date } = useT(unitsMessages);
  const { unit, children } = data;
  const failed = (intent: UnitIntent) => (actionData?.intent === intent ? actionData : undefined);
  const field = (intent: UnitIntent, name: string) => {
    const failure = failed(intent);
    const error = failure?.errors[name];
    return { name, defaultValue: failure?.values[name], error: error ? t(error) : undefined };
  };
  const kindText = (kind: string) => (isUnitKind(kind) ? t(kindLabel(kind)) : kind);
  const validity = (u: Unit) =>
    u.validTo ? t("units.closed", { date: date(u.validTo) }) : u.validFrom ? `${t("units.open")}, ${t("units.since", { date: date(u.validFrom) })}` : t("units.open");
  const hidden = (intent: UnitIntent) => <input type="hidden" name="intent" value={intent} />;
  const allows = (intent: UnitIntent) => data.actions.includes(intent);
  return (
    <>
      <p className="breadcrumb">
        {data.parent ? <Link to={linkTo(data.parent.id)}>↑ {data.parent.name}</Link> : null} <span className="muted">{title}</span>
      </p>
      <h1>{unit.name}</h1>
      <p className="lead">
        {t("units.code")}: {unit.code} · {t(levelLabel(unit.level as UnitLevel))} · {kindText(unit.kind)} · {validity(unit)}
      </p>
      {data.saved ? (
        <p role="status" className="completed-banner">
          {t("units.saved")}
        </p>
      ) : null}
      {data.predecessors.length ? <UnitLinks label={t("units.predecessors")} units={data.predecessors} linkTo={linkTo} /> : null}
      {data.successors.length ? <UnitLinks label={t("units.successors")} units={data.successors} linkTo={linkTo} /> : null}

      <h2>{t("units.children")}</h2>
      {children.length === 0 ? (
        <p>{t("units.noChildren")}</p>
      ) : (
        <div className="table-scroll" tabIndex={0}>
          <table>
            <caption className="visually-hidden">{t("units.children")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("units.name")}</th>
                <th scope="col">{t("units.code")}</th>
                <th scope="col">{t("units.kind")}</th>
                <th scope="col">{t("units.validity")}</th>
              </tr>
            </thead>
            <tbody>
              {children.map((child) => (
                <tr key={child.id}>
                  <th scope="row">
                    <Link to={linkTo(child.id)}>{child.name}</Link>
                  </th>
                  <td>{child.code}</td>
                  <td>{kindText(child.kind)}</td>
                  <td>{validity(child)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {allows("create") ? (
        <Form method="post" className="stack narrow" noValidate>
          <h2>{t(data.creatableLevels.some((l) => l === "province" || l === "district" || l === "commune") ? "units.create" : "units.createBranch")}</h2>
          {hidden("create")}
          <Field label={t("units.name")} {...field("create", "name")} />
          <Field label={t("units.code")} {...field("create", "code")} />
          <Choice label={t("units.level")} {...field("create", "level")}>
            {data.creatableLevels.map((level) => (
              <option key={level} value={level}>
                {t(levelLabel(level))}
              </option>
            ))}
          </Choice>
          <Choice label={t("units.kind")} {...field("create", "kind")}>
            {data.creatableLevels.flatMap((level) =>
              kindsByLevel[level].map((kind) => (
                <option key={`${level}-${kind}`} value={kind}>
                  {t(kindLabel(kind))}
                </option>
              )),
            )}
          </Choice>
          <Field label={t("units.validFrom")} type="date" hint={t("units.validFromHint")} {...field("create", "validFrom")} />
          <button type="submit" className="button">
            {t("units.createSubmit")}
          </button>
        </Form>
      ) : null}

      {allows("rename") ? (
        <Form method="post" className="stack narrow" noValidate>
          <h2>{t("units.rename")}</h2>
          {hidden("rename")}
          <Field label={t("units.name")} {...field("rename", "name")} defaultValue={failed("rename")?.values.name ?? unit.name} />
          <button type="submit" className="button button-secondary">
            {t("units.renameSubmit")}
          </button>
        </Form>
      ) : null}

      {allows("move") ? (
        <Form method="post" className="stack narrow" noValidate>
          <h2>{t("units.move")}</h2>
          {hidden("move")}
          <Field label={t("units.parentCode")} {...field("move", "parentCode")} />
          <button type="submit" className="button button-secondary">
            {t("units.moveSubmit")}
          </button>
        </Form>
      ) : null}

      {allows("merge") ? (
        <Form method="post" className="stack narrow" noValidate>
          <h2>{t("units.merge")}</h2>
          <p className="muted">{t("units.mergeHint")}</p>
          {hidden("merge")}
          <Field label={t("units.predecessorCodes")} {...field("merge", "predecessorCodes")} />
          <Field label={t("units.effectiveOn")} type="date" {...field("merge", "effectiveOn")} />
          <Field label={t("units.legalBasis")} {...field("merge", "legalBasis")} />
          <button type="submit" className="button button-secondary">
            {t("units.mergeSubmit")}
          </button>
        </Form>
      ) : null}

      {allows("close") ? (
        <Form method="post" className="stack narrow" noValidate>
          <h2>{t("units.close")}</h2>
          <p className="muted">{t("units.closeHint")}</p>
          {hidden("close")}
          <Field label={t("units.validTo")} type="date" {...field("close", "validTo")} />
          <button type="submit" className="button button-secondary">
            {t("units.closeSubmit")}
          </button>
        </Form>
      ) : null}
    </>
  );
}

function UnitLinks({ label, units, linkTo }: { label: string; units: Unit[]; linkTo: (id: string) => string }) {
  return (
    <p>
      {label}:{" "}
      {units.map((u, i) => (
        <span key={u.id}>
          {i > 0 ? ", " : null}
          <Link to={linkTo(u.id)}>{u.name}</Link>
        </span>
      ))}
    </p>
  );
}

function Choice({ label, name, defaultValue, error, children }: { label: string; name: string; defaultValue?: string; error?: string; children: React.ReactNode }) {
  return (
    <label className="field">
      <span>{label}</span>
      <select name={name} defaultValue={defaultValue} aria-invalid={error ? true : undefined}>
        {children}
      </select>
      {error ? <span className="field-error">{error}</span> : null}
    </label>
  );
}
