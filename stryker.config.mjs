// Mutation testing (npm run test:mutation): how many deliberate bugs in the auth, progress and course
// modules and in the route guards the unit tests catch. A report, not a gate: it is not part of npm test.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";

// The sandbox's copy of the schema-engine stand-in loses its execute bit, so the tests' global setup
// (prisma migrate deploy) runs the project's own.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve("scripts/prisma-schema-engine.mjs");

// Route modules also hold their page components, which only the end-to-end tests render; mutate their
// server half: from the first line after the imports to the end of the last loader or action.
function routeGuards(dir = "app/routes") {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".test.ts"))
    .flatMap((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      const lines = readFileSync(file, "utf8").split("\n");
      const start = lines.findIndex((line) => line !== "" && !line.startsWith("import "));
      let end = -1;
      lines.forEach((line, i) => {
        if (/^export (async )?function (loader|action)\b/.test(line)) end = lines.findIndex((l, j) => j > i && l.startsWith("}"));
      });
      return end === -1 ? [] : [`${file}:${start + 1}-${end + 1}`];
    });
}

// The modules measured, by name.
const modules = {
  auth: ["app/auth/**/*.{ts,tsx}"],
  progress: ["app/progress/**/*.{ts,tsx}"],
  // compile-bundle runs inside compile worker threads, where Stryker cannot switch mutants on.
  courses: ["app/courses/**/*.{ts,tsx}", "!app/courses/compile-bundle.server.ts"],
  routes: routeGuards(),
};

// MUTATION_MODULES: a comma-separated choice of them, measured in one run; all of them when unset.
const names = (process.env.MUTATION_MODULES || Object.keys(modules).join(",")).split(",");
const unknown = names.filter((name) => !(name in modules));
if (unknown.length) throw new Error(`Unknown module ${unknown.join(", ")}; choose from ${Object.keys(modules).join(", ")}`);

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.config.ts" },
  plugins: ["@stryker-mutator/vitest-runner"],
  mutate: [...names.flatMap((name) => modules[name]), "!app/**/*.test.{ts,tsx}"],
  ignorePatterns: ["/build", "/data", "/.cache", "/test-results", "/playwright-report", "/reports", "/.react-router"],
  coverageAnalysis: "perTest",
  // Module-level code (zod schemas, constants) would need the whole suite per mutant.
  ignoreStatic: true,
  incremental: true,
  // Per choice of modules: a run over fewer files would forget the others' results.
  incrementalFile: `reports/mutation/incremental-${names.join("-")}.json`,
  concurrency: 2,
  timeoutMS: 20_000,
  reporters: ["clear-text", "progress-append-only", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: false, reportScoreTable: true },
  thresholds: { high: 80, low: 60, break: null },
  tempDirName: ".stryker-tmp",
  // Stryker rewrites the tsconfig in its sandbox through TypeScript's JavaScript API, which TypeScript 7
  // no longer has. Ours points at nothing outside the project, so there is nothing to rewrite: name none.
  tsconfigFile: "no-tsconfig-to-rewrite.json",
};
