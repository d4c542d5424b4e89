import { data } from "react-router";
import { requireUser } from "#app/auth/auth.server.ts";
import { allowedKinds } from "#app/import/jobs.server.ts";
import { importTemplate } from "#app/import/template.server.ts";
import type { Route } from "./+types/template";

const fileNames = { cadres: "mau-nhap-can-bo.xlsx", positions: "mau-nhap-chuc-vu.xlsx", membership: "mau-nhap-so-lieu-hoi-vien.xlsx", planning: "mau-nhap-quy-hoach-can-bo.xlsx" } as const;

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const user = requireUser({ request, context });
  const kind = allowedKinds(user.roles).find((k) => k === params.kind);
  if (!kind) throw data(null, { status: 404 });
  return new Response(await importTemplate(kind), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${fileNames[kind]}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
