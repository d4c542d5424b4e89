import { redirect } from "react-router";
import { z } from "zod";
import { safeRedirectPath } from "#app/auth/auth.server.ts";
import { localeCookie, locales } from "#app/i18n/i18n.ts";
import type { Route } from "./+types/language";
import { readForm } from "#app/http/read-form.server.ts";

const form = z.object({ locale: z.enum(locales), redirectTo: z.string().optional() });

export async function action({ request }: Route.ActionArgs) {
  const parsed = form.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) return redirect("/");
  return redirect(safeRedirectPath(parsed.data.redirectTo ?? null, "/"), {
    headers: { "Set-Cookie": `${localeCookie}=${parsed.data.locale}; Path=/; Max-Age=31536000; SameSite=Lax` },
  });
}

export function loader() {
  return redirect("/");
}
