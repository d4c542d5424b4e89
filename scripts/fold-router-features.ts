// A Vite plugin for the browser build. React Router checks at run time whether three features are on
// that this app never turns on, so their code ships in every page's framework chunk. Folding each check
// to its answer lets the bundler drop that code: 3.0 KB (brotli) off a lesson's first visit (ADR 008).
// Each fold must match React Router's source exactly as often as expected, or the build fails: an upgrade
// that changes the code is noticed, never shipped half folded.
import type { Plugin } from "vite";

export type Fold = { file: string; find: string; replace: string; times: number };

type RouterConfig = { routeDiscovery?: { mode?: string }; future?: Record<string, unknown> };

export const folds: Fold[] = [
  // Custom route discovery: a future flag, off in react-router.config.ts.
  { file: "/react-router/dist/production/lib/dom-export/hydrated-router.js", find: "ssrInfo.context.future.unstable_customRouteDiscovery", replace: "false", times: 2 },
  // Lazy route discovery ("fog of war"): react-router.config.ts sends the whole manifest at once.
  { file: "/react-router/dist/production/lib/dom/ssr/fog-of-war.js", find: 'return routeDiscovery.mode === "lazy" && ssr;', replace: "return false;", times: 1 },
  // Router instrumentation, which app/entry.client.tsx never passes to <HydratedRouter>.
  { file: "/react-router/dist/production/lib/router/router.js", find: "if (init.instrumentations)", replace: "if (false)", times: 2 },
];

export function foldSource(fold: Fold, code: string) {
  const found = code.split(fold.find).length - 1;
  if (found !== fold.times) throw new Error(`fold-router-features: expected "${fold.find}" ${fold.times} times in ${fold.file}, found ${found}. React Router changed: update or remove this fold.`);
  return code.replaceAll(fold.find, fold.replace);
}

// The features must really be off: a fold would otherwise switch one off without a word.
const turnedOn = (what: string) => new Error(`fold-router-features: ${what}, which the browser build folds away (scripts/fold-router-features.ts); remove its fold first.`);

export function checkFeaturesOff(config: RouterConfig) {
  if (config.future?.unstable_customRouteDiscovery) throw turnedOn("react-router.config.ts turns on future.unstable_customRouteDiscovery");
  if (config.routeDiscovery?.mode !== "initial") throw turnedOn("react-router.config.ts does not set routeDiscovery to initial: lazy route discovery is on");
}

export function foldRouterFeatures(config: RouterConfig): Plugin {
  const folded = new Set<Fold>();
  // A build outside production (NODE_ENV=development or test) bundles React Router's development files: nothing to fold.
  let production = true;
  return {
    name: "lantoa:fold-router-features",
    apply: "build",
    applyToEnvironment: (environment) => environment.name === "client",
    configResolved(resolved) {
      production = resolved.isProduction;
    },
    buildStart() {
      checkFeaturesOff(config);
    },
    transform(code, id) {
      if (id.endsWith("/app/entry.client.tsx") && code.includes("instrumentations")) throw turnedOn("app/entry.client.tsx passes router instrumentations");
      const fold = folds.find((f) => id.endsWith(f.file));
      if (!fold) return;
      folded.add(fold);
      return { code: foldSource(fold, code), map: null };
    },
    buildEnd(error) {
      const missed = folds.filter((fold) => !folded.has(fold));
      if (production && !error && missed.length) throw new Error(`fold-router-features: never saw ${missed.map((f) => f.file).join(", ")}; React Router moved its files: update the folds.`);
    },
  };
}
