import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { islandImporters, type IslandName } from "./islands.ts";

/** Where an island's module is: islands.ts imports each from `./<name in lower case>.tsx`. */
export const islandModule = (name: IslandName) => `app/components/mdx/${name.toLowerCase()}.tsx`;

/**
 * Where each island's chunk is in the browser build, read from Vite's manifest of the production build
 * (`vite.config.ts` keeps it; it sits in a dot-folder the static server does not serve). Every island of
 * islands.ts must have one, checked at start. No manifest, as under `npm run dev`: no preloading; in
 * production that would leave the islands out of offline downloads, so it stops the start.
 */
export function islandChunks(manifestFile = path.resolve("build/client/.vite/manifest.json"), production = process.env.NODE_ENV === "production"): (name: IslandName) => string | undefined {
  if (!existsSync(manifestFile)) {
    if (production) throw new Error(`${manifestFile} is missing: the build must keep Vite's manifest (vite.config.ts)`);
    return () => undefined;
  }
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as Record<string, { file: string }>;
  const chunks = new Map(
    (Object.keys(islandImporters) as IslandName[]).map((name) => {
      const entry = manifest[islandModule(name)];
      if (!entry) throw new Error(`${manifestFile} has no chunk for the ${name} island`);
      return [name, `/${entry.file}`];
    }),
  );
  return (name) => chunks.get(name);
}
