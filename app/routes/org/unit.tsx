import { data } from "react-router";
import { requirePermission, requireUser } from "#app/auth/auth.server.ts";
import { UnitPage, type UnitActionData } from "#app/components/unit-page.tsx";
import { db } from "#app/db.server.ts";
import { readForm } from "#app/http/read-form.server.ts";
import { metaT, pageTitle, useT } from "#app/i18n/i18n.ts";
import { unitsMessages } from "#app/i18n/vi/units.ts";
import { findManagedUnit, type UnitManager } from "#app/org/unit-admin.server.ts";
import { unitAction, unitPage } from "#app/org/unit-page.server.ts";
import type { Route } from "./+types/unit";

const linkTo = (id: string) => `/org/units/${id}`;

async function managedUnit({ request, params, context }: Route.LoaderArgs | Route.ActionArgs) {
  const user = requireUser({ request, context });
  requirePermission(user, "branches:manage");
  const manager: UnitManager = { actorId: user.id, roles: user.roles, permission: "branches:manage" };
  const unit = await findManagedUnit(db, manager, params.id);
  if (!unit) throw data(null, { status: 404 });
  return { manager, unit };
}

export async function loader(args: Route.LoaderArgs) {
  const { manager, unit } = await managedUnit(args);
  return { ...(await unitPage(db, manager, unit)), saved: new URL(args.request.url).searchParams.has("saved") };
}

export async function action(args: Route.ActionArgs) {
  const { manager, unit } = await managedUnit(args);
  return unitAction(db, manager, unit, Object.fromEntries(await readForm(args.request)), linkTo);
}

export const meta: Route.MetaFunction = ({ matches }) => {
  const t = metaT(matches, unitsMessages);
  return [pageTitle(t, t("units.manageBranches"))];
};

export default function OrgUnit({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT(unitsMessages);
  return <UnitPage data={loaderData} actionData={actionData as UnitActionData} title={t("units.orgTitle")} linkTo={linkTo} />;
}
