import { Link, data } from "react-router";
import { requirePermission, requireUser } from "#app/auth/auth.server.ts";
import { scopesFor } from "#app/auth/permissions.ts";
import { UnitPage, type UnitActionData } from "#app/components/unit-page.tsx";
import { db } from "#app/db.server.ts";
import { readForm } from "#app/http/read-form.server.ts";
import { metaT, pageTitle, useT } from "#app/i18n/i18n.ts";
import { unitsMessages } from "#app/i18n/vi/units.ts";
import { findManagedUnit, type UnitManager } from "#app/org/unit-admin.server.ts";
import { unitAction, unitPage } from "#app/org/unit-page.server.ts";
import type { Route } from "./+types/units";

const linkTo = (id: string) => `/admin/units?${new URLSearchParams({ unit: id })}`;

async function managedUnit({ request, context }: Route.LoaderArgs | Route.ActionArgs) {
  const user = requireUser({ request, context });
  requirePermission(user, "units:manage");
  const manager: UnitManager = { actorId: user.id, roles: user.roles, permission: "units:manage" };
  const id = new URL(request.url).searchParams.get("unit");
  const unit = id ? await findManagedUnit(db, manager, id) : null;
  if (id && !unit) throw data(null, { status: 404 });
  return { user, manager, unit };
}

export async function loader(args: Route.LoaderArgs) {
  const { user, manager, unit } = await managedUnit(args);
  if (!unit) return { roots: scopesFor(user.roles, "units:manage").map((s) => ({ id: s.unitId, name: s.unitName })), page: null };
  const saved = new URL(args.request.url).searchParams.has("saved");
  return { roots: [], page: { ...(await unitPage(db, manager, unit)), saved } };
}

export async function action(args: Route.ActionArgs) {
  const { manager, unit } = await managedUnit(args);
  if (!unit) throw data(null, { status: 404 });
  return unitAction(db, manager, unit, Object.fromEntries(await readForm(args.request)), linkTo);
}

export const meta: Route.MetaFunction = ({ matches }) => {
  const t = metaT(matches, unitsMessages);
  return [pageTitle(t, t("units.adminTitle"))];
};

export default function AdminUnits({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT(unitsMessages);
  if (loaderData.page) return <UnitPage data={loaderData.page} actionData={actionData as UnitActionData} title={t("units.adminTitle")} linkTo={linkTo} />;
  return (
    <>
      <h1>{t("units.adminTitle")}</h1>
      <h2>{t("units.roots")}</h2>
      <ul className="links">
        {loaderData.roots.map((root) => (
          <li key={root.id}>
            <Link to={linkTo(root.id)}>{root.name}</Link>
          </li>
        ))}
      </ul>
    </>
  );
}
