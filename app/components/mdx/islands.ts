import { use } from "react";
import type { PagePart } from "#app/courses/lesson-parts.ts";

/**
 * The interactive components of lessons, each in its own chunk: a page downloads only the islands it
 * shows (most lessons have none or one). Everything else in a lesson is HTML rendered once on the server.
 */
const importers = {
  Checklist: () => import("./checklist.tsx").then((m) => m.Checklist),
  Quiz: () => import("./quiz.tsx").then((m) => m.Quiz),
  Reflection: () => import("./reflection.tsx").then((m) => m.Reflection),
  Scenario: () => import("./scenario.tsx").then((m) => m.Scenario),
};
type IslandName = keyof typeof importers;
type Islands = { [N in IslandName]: Awaited<ReturnType<(typeof importers)[N]>> };

const ready = new Map<IslandName, Islands[IslandName]>();
const loading = new Map<IslandName, Promise<unknown>>();

function load(name: IslandName) {
  let promise = loading.get(name);
  if (!promise) {
    promise = importers[name]().then((component) => ready.set(name, component));
    loading.set(name, promise);
  }
  return promise;
}

/** Loads the islands a page shows, so that it renders without suspending (client loaders). */
export async function loadIslands(parts: readonly PagePart[] | null | undefined) {
  await Promise.all((parts ?? []).flatMap((p) => ("island" in p ? [load(p.island)] : [])));
}

/** The server renders every lesson: it loads them all once at start. */
export async function loadAllIslands() {
  await Promise.all((Object.keys(importers) as IslandName[]).map(load));
}

/** The island's component; suspends until its chunk arrives when nothing loaded it beforehand (hydration). */
export function readIsland<N extends IslandName>(name: N): Islands[N] {
  if (!ready.has(name)) use(load(name));
  return ready.get(name) as Islands[N];
}
