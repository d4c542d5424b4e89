// Refuses to run on a Node.js older than package.json's "engines" (Node 24 LTS, docs/decisions/009).
// Imported first by every entry point: the server, the Vite, Vitest, Playwright and Prisma configs and
// the project's scripts. npm runs them with the Node 24 that `npm ci` puts in node_modules/.bin.
import { readFileSync } from "node:fs";

const { engines } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));

/** The message for a Node version below a ">=major.minor" range, or null when it is supported. */
export function unsupportedNodeMessage(version, range) {
  const [wantMajor, wantMinor] = range.replace(/^>=\s*/, "").split(".").map(Number);
  const [major, minor] = version.replace(/^v/, "").split(".").map(Number);
  if (major > wantMajor || (major === wantMajor && minor >= (wantMinor ?? 0))) return null;
  return [
    `Lan Tỏa cần Node.js ${range.replace(/^>=\s*/, "")} trở lên (Node 24 LTS); máy đang chạy v${version.replace(/^v/, "")}.`,
    `Lan Tỏa needs Node.js ${range.replace(/^>=\s*/, "")} or later (Node 24 LTS); this is v${version.replace(/^v/, "")}.`,
    "Run it through npm (npm run demo, npm start, npm test, npm run dev): after `npm ci`, npm uses the Node 24 in node_modules/.bin.",
  ].join("\n");
}

const message = unsupportedNodeMessage(process.versions.node, engines.node);
if (message) {
  console.error(message);
  process.exit(1);
}
