import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { unsupportedNodeMessage } from "../../scripts/supported-node.mjs";

const { engines } = JSON.parse(readFileSync("package.json", "utf8")) as { engines: { node: string } };

test("the project runs on Node 24 LTS, the Node that npm puts first on the PATH", () => {
  expect(engines.node).toBe(">=24.11");
  expect(process.versions.node.split(".")[0]).toBe("24");
  expect(execFileSync("node", ["--version"], { encoding: "utf8" })).toMatch(/^v24\./);
});

test("an older Node gets a message in Vietnamese and English, a supported one none", () => {
  expect(unsupportedNodeMessage("24.11.0", ">=24.11")).toBeNull();
  expect(unsupportedNodeMessage("24.22.3", ">=24.11")).toBeNull();
  expect(unsupportedNodeMessage("26.0.0", ">=24.11")).toBeNull();
  expect(unsupportedNodeMessage("24.10.0", ">=24.11")).toContain("v24.10.0");
  const message = unsupportedNodeMessage("20.20.2", ">=24.11");
  expect(message).toContain("Lan Tỏa cần Node.js 24.11 trở lên");
  expect(message).toContain("Lan Tỏa needs Node.js 24.11 or later");
  expect(message).toContain("npm run demo");
});

// The machines of this project keep their own Node 20 at /usr/bin/node, outside the project's commands.
const machineNode = spawnSync("/usr/bin/node", ["--version"], { encoding: "utf8" }).stdout?.trim();
test.runIf(machineNode && unsupportedNodeMessage(machineNode, engines.node))("the server refuses to start on the machine's older Node", () => {
  const run = spawnSync("/usr/bin/node", ["server.mjs"], { encoding: "utf8", env: { ...process.env, PORT: "0" } });
  expect(run.status).toBe(1);
  expect(run.stderr).toContain("Lan Tỏa needs Node.js 24.11 or later");
  expect(run.stdout).toBe("");
});
