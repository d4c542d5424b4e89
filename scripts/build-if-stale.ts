// Builds unless the build is newer than everything that goes into it: `tsx scripts/build-if-stale.ts`,
// or buildIfStale() from `npm run bench`. The PostgreSQL e2e run uses it to reuse the build of the run before.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Newest modification time under the given paths (files or folders), in ms. */
function newestMtime(paths: string[]): number {
  let newest = 0;
  const visit = (p: string) => {
    if (!existsSync(p)) return;
    const stat = statSync(p);
    if (stat.isDirectory()) for (const entry of readdirSync(p)) visit(path.join(p, entry));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  paths.forEach(visit);
  return newest;
}

/** Builds unless build/server/index.js is newer than everything that goes into it. */
export function buildIfStale(force: boolean) {
  const output = "build/server/index.js";
  const sources = ["app", "content", "public", "react-router.config.ts", "vite.config.ts", "package-lock.json"];
  const stale = force || !existsSync(output) || statSync(output).mtimeMs < newestMtime(sources);
  if (!stale) return console.log("· build is up to date");
  console.log("· npm run build");
  // A production build whoever asks: under Vitest NODE_ENV is "test", and Vite would bundle React's development files.
  execFileSync("npm", ["run", "build"], { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, NODE_ENV: "production" } });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) buildIfStale(false);
