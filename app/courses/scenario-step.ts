import type { ScenarioIsland, ScenarioStep } from "./lesson-parts.ts";

/** The address parameter holding how far a learner has played a scenario: its scenes, comma-separated. */
export const scenarioParam = (scenarioId: string) => `scenario.${scenarioId}`;

/**
 * The scene a path reaches. The path comes from the address, so it is followed only as far as each
 * step is an option of the scene before it; anything else plays from the start.
 */
export function scenarioStep(scenario: ScenarioIsland, pathText: string | null): ScenarioStep {
  const scenes = new Map(scenario.scenes.map((s) => [s.id, s]));
  const wanted = pathText?.split(",") ?? [];
  const path = [scenario.start];
  if (wanted[0] === scenario.start)
    for (const next of wanted.slice(1)) {
      if (!scenes.get(path.at(-1)!)?.options.some((o) => o.to === next)) break;
      path.push(next);
    }
  const scene = scenes.get(path.at(-1)!)!;
  return {
    id: scenario.id,
    title: scenario.title,
    path,
    html: scene.html,
    ending: scene.ending,
    options: scene.options.map((o) => ({ to: o.to, html: o.html, ends: scenes.get(o.to)?.ending != null })),
  };
}
