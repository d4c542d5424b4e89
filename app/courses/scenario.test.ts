import { describe, expect, test } from "vitest";
import { endingOfPath, pathToEnding, scenarioProblems, type ScenarioGraph } from "#app/courses/scenario.ts";

// start → (rush → bad) | (listen → meet → good); rush can recover to listen.
const scenario: ScenarioGraph = {
  id: "visit",
  start: "start",
  scenes: [
    { id: "start", ending: null, options: ["rush", "listen"] },
    { id: "rush", ending: null, options: ["bad", "listen"] },
    { id: "listen", ending: null, options: ["meet"] },
    { id: "meet", ending: null, options: ["good", "bad"] },
    { id: "good", ending: "good", options: [] },
    { id: "bad", ending: "bad", options: [] },
  ],
};

describe("endingOfPath", () => {
  test("a path from the start along options to an ending returns that ending", () => {
    expect(endingOfPath(scenario, ["start", "listen", "meet", "good"])).toBe("good");
    expect(endingOfPath(scenario, ["start", "rush", "bad"])).toBe("bad");
  });

  test("a path not starting at the start scene is rejected", () => {
    expect(endingOfPath(scenario, ["listen", "meet", "good"])).toBeNull();
  });

  test("a path that skips a scene is rejected", () => {
    expect(endingOfPath(scenario, ["start", "meet", "good"])).toBeNull();
  });

  test("a path that stops before an ending is rejected", () => {
    expect(endingOfPath(scenario, ["start", "listen", "meet"])).toBeNull();
  });

  test("an empty path or unknown scene is rejected", () => {
    expect(endingOfPath(scenario, [])).toBeNull();
    expect(endingOfPath(scenario, ["start", "nowhere"])).toBeNull();
  });
});

describe("pathToEnding", () => {
  test("returns the shortest valid play-through to the ending", () => {
    const path = pathToEnding(scenario, "good");
    expect(path).toEqual(["start", "listen", "meet", "good"]);
    expect(endingOfPath(scenario, path!)).toBe("good");
  });

  test("returns null when no such ending is reachable", () => {
    expect(pathToEnding(scenario, "neutral")).toBeNull();
  });
});

describe("scenarioProblems", () => {
  test("a sound scenario has none", () => {
    expect(scenarioProblems(scenario)).toEqual([]);
  });

  test("a missing start, a dangling option, a dead end and no good ending are each reported", () => {
    const problems = scenarioProblems({
      id: "broken",
      start: "missing",
      scenes: [
        { id: "a", ending: null, options: ["ghost"] },
        { id: "stuck", ending: null, options: [] },
      ],
    });
    expect(problems).toEqual([
      expect.stringContaining('"missing"'),
      expect.stringContaining('"ghost"'),
      expect.stringContaining('"stuck"'),
      expect.stringContaining('ending="good"'),
    ]);
  });
});
