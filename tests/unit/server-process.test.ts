import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { serverNodeArgs } from "../../scripts/server-process.ts";

test("npm start runs the server the way demo and bench spawn it", () => {
  const { scripts } = JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> };
  expect(scripts.start).toMatch(new RegExp(`node ${serverNodeArgs.join(" ")}$`));
});
