import { expect, test } from "vitest";
import type { ScenarioIsland } from "./lesson-parts.ts";
import { scenarioStep } from "./scenario-step.ts";

const scenario: ScenarioIsland = {
  id: "moi",
  title: "Mời chị em",
  start: "a",
  scenes: [
    { id: "a", ending: null, html: "<p>A</p>", options: [{ to: "b", html: "đi b" }, { to: "tot", html: "kết tốt" }] },
    { id: "b", ending: null, html: "<p>B</p>", options: [{ to: "xau", html: "kết xấu" }] },
    { id: "tot", ending: "good", html: "<p>Tốt</p>", options: [] },
    { id: "xau", ending: "poor", html: "<p>Xấu</p>", options: [] },
  ],
};

test("the path in the address reaches its scene, which says which of its options end the scenario", () => {
  expect(scenarioStep(scenario, "a,b")).toEqual({
    id: "moi",
    title: "Mời chị em",
    path: ["a", "b"],
    html: "<p>B</p>",
    ending: null,
    options: [{ to: "xau", html: "kết xấu", ends: true }],
  });
  expect(scenarioStep(scenario, "a").options).toEqual([
    { to: "b", html: "đi b", ends: false },
    { to: "tot", html: "kết tốt", ends: true },
  ]);
  expect(scenarioStep(scenario, "a,tot")).toMatchObject({ path: ["a", "tot"], ending: "good", options: [] });
});

test("a path is followed only while each step is an option of the scene before it", () => {
  expect(scenarioStep(scenario, null).path).toEqual(["a"]);
  expect(scenarioStep(scenario, "").path).toEqual(["a"]);
  expect(scenarioStep(scenario, "b").path).toEqual(["a"]);
  expect(scenarioStep(scenario, "a,xau").path).toEqual(["a"]);
  expect(scenarioStep(scenario, "a,b,tot").path).toEqual(["a", "b"]);
  expect(scenarioStep(scenario, "a,b,xau,a").path).toEqual(["a", "b", "xau"]);
});
