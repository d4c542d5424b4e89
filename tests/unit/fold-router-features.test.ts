import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import routerConfig from "../../react-router.config.ts";
import type { ResolvedConfig } from "vite";
import { checkFeaturesOff, foldRouterFeatures, foldSource, folds } from "../../scripts/fold-router-features.ts";

describe("folding React Router features the app never turns on", () => {
  it.each(folds)("finds its check in the installed React Router: $file", (fold) => {
    const code = readFileSync(`node_modules${fold.file}`, "utf8");
    const folded = foldSource(fold, code);
    expect(folded).not.toContain(fold.find);
    expect(folded.split(fold.replace).length - code.split(fold.replace).length).toBe(fold.times);
  });

  it("fails loudly when React Router's code changed", () => {
    expect(() => foldSource(folds[0]!, "nothing to fold")).toThrow(/expected .* 2 times .* found 0/);
  });

  it("holds only while react-router.config.ts keeps the features off", () => {
    expect(() => checkFeaturesOff(routerConfig)).not.toThrow();
    expect(() => checkFeaturesOff({ ...routerConfig, routeDiscovery: { mode: "lazy" } })).toThrow(/lazy route discovery/);
    expect(() => checkFeaturesOff({ ...routerConfig, future: { unstable_customRouteDiscovery: true } })).toThrow(/unstable_customRouteDiscovery/);
  });

  it("a production build that never met React Router's files fails; a development build has none to fold", () => {
    const buildEnd = (isProduction: boolean) => {
      const plugin = foldRouterFeatures(routerConfig) as { configResolved(config: ResolvedConfig): void; buildEnd(error?: Error): void };
      plugin.configResolved({ isProduction } as ResolvedConfig);
      return () => plugin.buildEnd();
    };
    expect(buildEnd(true)).toThrow(/never saw/);
    expect(buildEnd(false)).not.toThrow();
  });
});
