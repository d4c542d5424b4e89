import { createContext, use, type ComponentProps } from "react";
import type { PagePart } from "#app/courses/lesson-parts.ts";

/**
 * The interactive components of lessons, each in its own chunk: a page downloads only the islands it
 * shows (most lessons have none or one). Everything else in a lesson is HTML rendered once on the server.
 * They are loaded before anything renders them — at server start, before hydrating a document that
 * shows them, in the lesson's client loader — so rendering never waits for one, except in the
 * author's preview. This is the browser's half of the lesson components' registry (registry.server.ts):
 * an island is one line here, its module `./<name in lower case>.tsx` exporting the component by its name
 * (island-chunks.server.ts finds its chunk so).
 */
export const islandImporters = {
  Checklist: () => import("./checklist.tsx").then((m) => m.Checklist),
  Quiz: () => import("./quiz.tsx").then((m) => m.Quiz),
  Reflection: () => import("./reflection.tsx").then((m) => m.Reflection),
  Scenario: () => import("./scenario.tsx").then((m) => m.Scenario),
};
export type IslandName = keyof typeof islandImporters;
type Islands = { [N in IslandName]: Awaited<ReturnType<(typeof islandImporters)[N]>> };
/** What an island's component takes: what the server renderer gives it in a lesson's parts. */
export type IslandProps<N extends IslandName> = ComponentProps<Islands[N]>;

/**
 * The built chunk of each island, known to the server in production (`island-chunks.server.ts`): the
 * page asks the browser to fetch a lesson's islands with everything else, instead of one round trip
 * after its first script runs.
 */
export const IslandChunksContext = createContext<(name: IslandName) => string | undefined>(() => undefined);

const ready = new Map<IslandName, Islands[IslandName]>();
const failed = new Map<IslandName, unknown>();
const loading = new Map<IslandName, Promise<void>>();

/** Settles either way: the island is then ready or failed. A later load tries the download again. */
function load(name: IslandName) {
  let promise = loading.get(name);
  if (!promise) {
    promise = islandImporters[name]().then(
      (component) => {
        ready.set(name, component);
        failed.delete(name);
      },
      (error: unknown) => {
        failed.set(name, error);
        loading.delete(name);
      },
    );
    loading.set(name, promise);
  }
  return promise;
}

// Loading ahead never fails a page: a client loader that loads islands again retries what failed, and
// an island that still has no code shows LessonBody's notice in its place.
const preload = (names: IslandName[]) => Promise.all(names.map(load));

const isIslandName = (name: string | undefined): name is IslandName => !!name && Object.hasOwn(islandImporters, name);

/** Loads the islands of a page's parts (client loaders). */
export async function loadIslands(parts: readonly PagePart[] | null | undefined) {
  await preload((parts ?? []).flatMap((p) => ("island" in p ? [p.island] : [])));
}

/** Loads the islands a server-rendered document shows (marked by LessonBody), before it hydrates. */
export async function loadDocumentIslands(document: Document) {
  const names = [...document.querySelectorAll<HTMLElement>("[data-island]")].map((element) => element.dataset.island);
  await preload(names.filter(isIslandName));
}

/** The server renders every lesson: it loads them all once at start, and does not start without one. */
export async function loadAllIslands() {
  await preload(Object.keys(islandImporters) as IslandName[]);
  for (const error of failed.values()) throw error;
}

/**
 * The island's component; suspends until its chunk settles if nothing loaded it beforehand (the
 * preview), and throws if the download failed.
 */
export function readIsland<N extends IslandName>(name: N): Islands[N] {
  if (!ready.has(name) && !failed.has(name)) use(load(name));
  if (failed.has(name)) throw failed.get(name);
  return ready.get(name) as Islands[N];
}
