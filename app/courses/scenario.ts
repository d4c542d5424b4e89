export type ScenarioScene = { id: string; ending: string | null; options: string[] };
export type ScenarioGraph = { id: string; start: string; scenes: ScenarioScene[] };

export function scenarioProblems(scenario: ScenarioGraph): string[] {
  const problems: string[] = [];
  const ids = new Set(scenario.scenes.map((s) => s.id));
  if (!ids.has(scenario.start)) problems.push(`Tình huống "${scenario.id}": cảnh bắt đầu "${scenario.start}" không tồn tại`);
  for (const scene of scenario.scenes) {
    for (const to of scene.options)
      if (!ids.has(to)) problems.push(`Tình huống "${scenario.id}": cảnh "${scene.id}" dẫn tới "${to}" không tồn tại`);
    if (!scene.ending && scene.options.length === 0)
      problems.push(`Tình huống "${scenario.id}": cảnh "${scene.id}" không có lựa chọn nào và không phải kết thúc`);
  }
  if (!pathToEnding(scenario, "good")) problems.push(`Tình huống "${scenario.id}" không có kết thúc tốt (ending="good") nào đi tới được`);
  return problems;
}

/** A path is valid when it starts at the start scene, follows options, and stops at an ending. */
export function endingOfPath(scenario: ScenarioGraph, path: readonly string[]): string | null {
  const scenes = new Map(scenario.scenes.map((s) => [s.id, s]));
  if (path[0] !== scenario.start) return null;
  for (let i = 1; i < path.length; i++) {
    if (!scenes.get(path[i - 1]!)?.options.includes(path[i]!)) return null;
  }
  return scenes.get(path[path.length - 1]!)?.ending ?? null;
}

/** The shortest play-through from the start to an ending of the given kind, or null if none is reachable. */
export function pathToEnding(scenario: ScenarioGraph, ending: string): string[] | null {
  const scenes = new Map(scenario.scenes.map((s) => [s.id, s]));
  const queue: string[][] = [[scenario.start]];
  const seen = new Set([scenario.start]);
  while (queue.length > 0) {
    const path = queue.shift()!;
    const scene = scenes.get(path[path.length - 1]!);
    if (scene?.ending === ending) return path;
    for (const to of scene?.options ?? []) {
      if (seen.has(to)) continue;
      seen.add(to);
      queue.push([...path, to]);
    }
  }
  return null;
}
