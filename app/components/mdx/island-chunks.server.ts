import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { IslandName } from "./islands.ts";

/**
 * Where each island's chunk is in the browser build, read from Vite's manifest of the production build
 * (`vite.config.ts` keeps it; it sits in a dot-folder the static server does not serve). Islands live
 * in `app/components/mdx/<name>.tsx`. No manifest, as under `npm run dev`: no preloading.
 */
export function islandChunks(manifestFile = path.resolve("build/client/.vite/manifest.json")): (name: IslandName) => string | undefined {
  if (!existsSync(manifestFile)) return () => undefined;
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as Record<string, { file: string }>;
  return (name) => {
    const entry = manifest[`app/components/mdx/${name.toLowerCase()}.tsx`];
    if (!entry) throw new Error(`${manifestFile} has no chunk for the ${name} island`);
    return `/${entry.file}`;
  };
}
