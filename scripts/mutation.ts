// npm run test:mutation [-- auth progress courses routes] [-- Stryker options]: Stryker over the named modules (all of them
// by default) in one run, then one line per module with its mutation score. Reports: reports/mutation/.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

type Report = { files: Record<string, { mutants: { status: string }[] }> };
const counted = ["Killed", "Timeout", "Survived", "NoCoverage"] as const;

// Module names choose what to mutate (stryker.config.mjs refuses one it does not know); anything from the
// first option on goes to Stryker as it is, e.g. `npm run test:mutation -- progress --mutate 'app/progress/refresh.server.ts'`.
const args = process.argv.slice(2).filter((arg) => arg !== "--");
const firstOption = args.findIndex((arg) => arg.startsWith("-"));
const modules = (firstOption === -1 ? args : args.slice(0, firstOption)).join(",");
const options = firstOption === -1 ? [] : args.slice(firstOption);
const started = Date.now();
const result = spawnSync("npx", ["stryker", "run", ...options], { stdio: "inherit", env: { ...process.env, MUTATION_MODULES: modules } });
if (result.status !== 0) process.exit(result.status ?? 1);
const seconds = Math.round((Date.now() - started) / 1000);

const report = JSON.parse(readFileSync("reports/mutation/mutation.json", "utf8")) as Report;
const totals = new Map<string, Record<string, number>>();
for (const [file, { mutants }] of Object.entries(report.files)) {
  const module = file.split("/")[1]!;
  const tally = totals.get(module) ?? {};
  for (const { status } of mutants) tally[status] = (tally[status] ?? 0) + 1;
  totals.set(module, tally);
}

const row = (name: string, tally: Record<string, number>) => {
  const [killed, timeout, survived, noCoverage] = counted.map((status) => tally[status] ?? 0) as [number, number, number, number];
  const detected = killed + timeout;
  const score = (100 * detected) / Math.max(1, detected + survived + noCoverage);
  return `${name.padEnd(10)} ${score.toFixed(1).padStart(6)} % ${String(detected).padStart(9)} ${String(survived).padStart(9)} ${String(noCoverage).padStart(11)} ${String(tally.Ignored ?? 0).padStart(8)}`;
};
const all: Record<string, number> = {};
for (const tally of totals.values()) for (const [status, n] of Object.entries(tally)) all[status] = (all[status] ?? 0) + n;
console.log(`\nMutation score (killed or timed out / all but ignored and errors), ${seconds} s`);
console.log(`${"module".padEnd(10)} ${"score".padStart(8)} ${"detected".padStart(9)} ${"survived".padStart(9)} ${"no coverage".padStart(11)} ${"ignored".padStart(8)}`);
for (const [name, tally] of [...totals].sort()) console.log(row(name, tally));
console.log(row("combined", all));
