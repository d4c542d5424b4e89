import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { islandChunks, islandModule } from "./island-chunks.server.ts";
import { islandImporters, type IslandName } from "./islands.ts";

const names = Object.keys(islandImporters) as IslandName[];
const dir = mkdtempSync(path.join(tmpdir(), "island-chunks-"));

describe("where the islands' chunks are in the browser build", () => {
  test("each island is named by the file Vite's manifest gives its module", () => {
    const file = path.join(dir, "manifest.json");
    writeFileSync(file, JSON.stringify(Object.fromEntries(names.map((name) => [islandModule(name), { file: `assets/${name}-x1.js` }]))));
    const chunk = islandChunks(file, true);
    for (const name of names) expect(chunk(name)).toBe(`/assets/${name}-x1.js`);
  });

  test("an island missing from the manifest stops the start", () => {
    const file = path.join(dir, "partial.json");
    writeFileSync(file, JSON.stringify({ [islandModule(names[0]!)]: { file: "assets/a.js" } }));
    expect(() => islandChunks(file, true)).toThrow(/has no chunk for the/);
  });

  test("without a manifest the dev server names none, and a production server refuses to start", () => {
    const missing = path.join(dir, "none.json");
    expect(islandChunks(missing, false)(names[0]!)).toBeUndefined();
    expect(() => islandChunks(missing, true)).toThrow(/is missing/);
  });
});
