import { useContext, useEffect } from "react";
import { Links, Meta, Outlet, Scripts, isRouteErrorResponse, useRouteError, useRouteLoaderData } from "react-router";
import type { Route } from "./+types/root";
import { currentUserContext, getCurrentUser, loadCurrentUser, requirePasswordChanged } from "./auth/auth.server.ts";
import { hasPermission, scopesFor } from "./auth/permissions.ts";
import { localeFromRequest } from "./i18n/locale.server.ts";
import { SiteHeader } from "./components/site-header.tsx";
import { ErrorPage } from "./components/error-page.tsx";
import { useScrollMemory } from "./components/scroll-memory.ts";
import { NonceContext } from "./http/nonce.ts";
import { webFont, webFontCookie } from "./http/web-font.server.ts";
import { useLocale } from "./i18n/i18n.ts";
import stylesheet from "./styles.css?url";
import fontStylesheet from "./styles/font.css?url";

export const links: Route.LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "manifest", href: "/manifest.webmanifest" },
];

// The session is read once per request, here, for every loader and action of it. Sliding expiry may
// extend it during any request (a page, its data, an action, a PDF): that response renews the cookie.
export const middleware: Route.MiddlewareFunction[] = [
  async ({ request, context }, next) => {
    const user = await loadCurrentUser(request);
    context.set(currentUserContext, user);
    requirePasswordChanged(request, user);
    const response = await next();
    if (user?.refreshedCookie) response.headers.append("Set-Cookie", user.refreshedCookie);
    const font = webFontCookie(request, response);
    if (font) response.headers.append("Set-Cookie", font);
    // A signed-in response (page, data, certificate PDF) is this person's: no cache, shared or the browser's,
    // keeps it, unless its route chose a private policy itself (lesson fragments, named by content hash).
    if (user && !/\bprivate\b/.test(response.headers.get("Cache-Control") ?? "")) response.headers.set("Cache-Control", "private, no-store");
    return response;
  },
];

export function loader({ request, context }: Route.LoaderArgs) {
  const user = getCurrentUser({ request, context });
  return {
    locale: localeFromRequest(request),
    font: webFont(request).linked,
    user: user && {
      name: user.name,
      canReadReports: hasPermission(user.roles, "report:read"),
      canManagePeople: hasPermission(user.roles, "people:manage"),
      canWriteCourses: hasPermission(user.roles, "course:write"),
      unitsLink: unitsLink(user.roles),
    },
  };
}

// Admins manage the tree; an organizer, what lies inside her unit.
function unitsLink(roles: Parameters<typeof hasPermission>[0]) {
  if (hasPermission(roles, "units:manage")) return "/admin/units";
  const scope = scopesFor(roles, "branches:manage")[0];
  return scope ? `/org/units/${scope.unitId}` : null;
}

export function Layout({ children }: { children: React.ReactNode }) {
  const locale = useLocale();
  const nonce = useContext(NonceContext);
  const font = (useRouteLoaderData("root") as { font?: boolean } | undefined)?.font;
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#b0245a" />
        <Meta />
        <Links nonce={nonce} />
        {font ? <link rel="stylesheet" href={fontStylesheet} /> : null}
      </head>
      <body>
        {children}
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

// Tests wait for this attribute before clicking, so handlers are attached.
function useHydratedMarker() {
  useEffect(() => document.documentElement.setAttribute("data-hydrated", "true"), []);
}

export default function App({ loaderData }: Route.ComponentProps) {
  useHydratedMarker();
  useScrollMemory();
  return (
    <>
      <SiteHeader user={loaderData.user} />
      <main id="main" className="page">
        <Outlet />
      </main>
    </>
  );
}

export function ErrorBoundary() {
  useHydratedMarker();
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (!isRouteErrorResponse(error)) console.error(error);
  return <ErrorPage status={status} />;
}
