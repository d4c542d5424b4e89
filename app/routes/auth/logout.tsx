import { redirect } from "react-router";
import { signOut } from "#app/auth/auth.server.ts";
import type { Route } from "./+types/logout";

export async function action({ request, context }: Route.ActionArgs) {
  return redirect("/", { headers: { "Set-Cookie": await signOut({ request, context }) } });
}

export function loader() {
  return redirect("/");
}
