import { Form, Link, data } from "react-router";
import { z } from "zod";
import { requireScopedUnit, requireUser } from "#app/auth/auth.server.ts";
import { Field } from "#app/components/field.tsx";
import { Percent, RateFormula, usePeriodName } from "#app/components/membership.tsx";
import { db } from "#app/db.server.ts";
import { readForm } from "#app/http/read-form.server.ts";
import { metaT, pageTitle, useT } from "#app/i18n/i18n.ts";
import { membershipMessages } from "#app/i18n/vi/membership.ts";
import { gatheringRate } from "#app/membership/gathering-rate.ts";
import { canReport, findMembershipReport, membershipFigures, saveMembershipReport } from "#app/membership/report.server.ts";
import { formatPeriod, periodParam } from "#app/org/periods.ts";
import type { Route } from "./+types/membership-edit";

const query = z.object({ unit: z.string().min(1), period: periodParam });
const fieldNames = ["womenAdult", "members", "joined", "left", "honoraryMembers", "households", "householdsWithMember"] as const;
type FieldName = (typeof fieldNames)[number];
type Errors = Partial<Record<FieldName, keyof typeof membershipMessages>>;

/** The unit and period in the address, for someone who may enter its figures; anything else is the same 404. */
async function target(args: Route.LoaderArgs | Route.ActionArgs) {
  const user = requireUser(args);
  const parsed = query.safeParse(Object.fromEntries(new URL(args.request.url).searchParams));
  if (!parsed.success) throw data(null, { status: 400 });
  const unit = await requireScopedUnit(user, "membership:write", parsed.data.unit);
  return { user, unit, period: parsed.data.period };
}

export async function loader(args: Route.LoaderArgs) {
  const { unit, period } = await target(args);
  const report = canReport(unit, period) ? await findMembershipReport(db, unit.id, period) : null;
  return { unit: { id: unit.id, name: unit.name, branch: unit.level === "branch" }, period: formatPeriod(period), canReport: canReport(unit, period), report };
}

export async function action(args: Route.ActionArgs) {
  const { user, unit, period } = await target(args);
  if (!canReport(unit, period)) throw data(null, { status: 400 });
  const form = await readForm(args.request);
  const values = Object.fromEntries(fieldNames.map((name) => [name, String(form.get(name) ?? "")])) as Record<FieldName, string>;
  if (unit.level !== "branch") values.households = values.householdsWithMember = "";
  const parsed = membershipFigures.safeParse(values);
  if (!parsed.success) {
    const errors: Errors = {};
    for (const issue of parsed.error.issues) errors[issue.path[0] as FieldName] ??= issue.message as keyof typeof membershipMessages;
    return data({ errors, values, saved: null }, { status: 400 });
  }
  const { changed } = await saveMembershipReport(db, user.id, unit, period, parsed.data);
  return { errors: {} as Errors, values, saved: changed ? ("membership.saved" as const) : ("membership.unchanged" as const) };
}

export const meta: Route.MetaFunction = ({ matches, loaderData }) => {
  const t = metaT(matches, membershipMessages);
  return [pageTitle(t, loaderData && t("membership.editTitle", { unit: loaderData.unit.name }))];
};

export default function MembershipEdit({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT(membershipMessages);
  const periodName = usePeriodName();
  const { unit, period, report } = loaderData;
  const errors: Errors = actionData?.errors ?? {};
  const value = (name: FieldName) => actionData?.values[name] ?? (report?.[name] ?? "").toString();
  const field = (name: FieldName, label: string, hint?: string) => (
    <Field key={name} label={label} name={name} inputMode="numeric" defaultValue={value(name)} hint={hint} error={errors[name] ? t(errors[name]) : undefined} />
  );
  const back = `/org/membership?${new URLSearchParams({ unit: unit.id, period })}`;
  return (
    <>
      <h1>{t("membership.editTitle", { unit: unit.name })}</h1>
      <p className="lead">{periodName(period)}</p>
      {!loaderData.canReport ? (
        <p>{t("membership.cannotReport")}</p>
      ) : (
        <>
          {report ? (
            <section className="stack">
              <p>
                {t("membership.rate")}: <Percent value={gatheringRate(report).rate} />
              </p>
              <RateFormula rate={gatheringRate(report)} />
            </section>
          ) : null}
          {actionData?.saved ? <p role="status">{t(actionData.saved)}</p> : null}
          <Form method="post" className="stack narrow" noValidate>
            {field("womenAdult", t("membership.women"))}
            {field("members", t("membership.members"))}
            {field("joined", t("membership.joined"))}
            {field("left", t("membership.left"))}
            {field("honoraryMembers", t("membership.honorary"))}
            {unit.branch ? (
              <>
                {field("households", t("membership.households"), t("membership.householdsHint"))}
                {field("householdsWithMember", t("membership.householdsWithMember"))}
              </>
            ) : null}
            <button type="submit" className="button">
              {t("membership.save")}
            </button>
          </Form>
        </>
      )}
      <p className="breadcrumb">
        <Link to={back}>{t("membership.backToOverview")}</Link>
      </p>
    </>
  );
}
