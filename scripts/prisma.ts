// `npm run prisma -- <args>`: the Prisma CLI with the config that matches DATABASE_URL
// (prisma.postgres.config.ts for postgres:// and postgresql:// URLs, prisma.config.ts otherwise).
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const prismaCli = path.join(path.dirname(require.resolve("prisma/package.json")), "build", "index.js");

const args = process.argv.slice(2);
const isPostgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "");
const hasConfig = args.some((arg) => arg === "--config" || arg.startsWith("--config="));
if (isPostgres && !hasConfig) {
  // Before a `--` separator, whose tail belongs to the seed script.
  const separator = args.indexOf("--");
  args.splice(separator === -1 ? args.length : separator, 0, "--config", path.join(root, "prisma.postgres.config.ts"));
}

const child = spawn(process.execPath, [prismaCli, ...args], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});
