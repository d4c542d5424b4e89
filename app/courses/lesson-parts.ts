import type { IslandName, IslandProps } from "#app/components/mdx/islands.ts";

// A lesson as the browser gets it: HTML rendered once on the server, with interactive islands between.
export type ScenarioIsland = {
  id: string;
  title: string;
  start: string;
  scenes: { id: string; ending: string | null; html: string; options: { to: string; html: string }[] }[];
};
/**
 * What a learner's page carries of a scenario: only the scene that the path in the address reaches,
 * with where each option leads, so the scenes travel one at a time and play without JavaScript.
 */
export type ScenarioStep = {
  id: string;
  title: string;
  path: string[];
  html: string;
  ending: string | null;
  options: { to: string; html: string; ends: boolean }[];
};
export type ChecklistIsland = { id: string; title: string; steps: string[] };
/** An island as a lesson's parts carry it: its name and its component's props (components/mdx/islands.ts). */
export type Island = { [N in IslandName]: { island: N; props: IslandProps<N> } }[IslandName];

export type LessonPart = { html: string } | Island;

/**
 * What a page's data carries: shipped lessons' HTML by key only. The document already holds the
 * HTML, so sending it again in the route data would double the page; see static-html.tsx.
 */
export type PagePart = { htmlKey: string } | LessonPart;
