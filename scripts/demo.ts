// `npm run demo`: migrate the database, seed demo data into an empty one, then serve the built app.
import "./supported-node.mjs";
import { execFileSync, spawn } from "node:child_process";
import { serverNodeArgs } from "./server-process.ts";

const tsx = "node_modules/.bin/tsx";
execFileSync(tsx, ["scripts/prisma.ts", "migrate", "deploy"], { stdio: "inherit" });

const { db } = await import("#app/db.server.ts");
const empty = (await db.user.count()) === 0;
await db.$disconnect();
if (empty) execFileSync(tsx, ["prisma/seed.ts"], { stdio: "inherit" });
else console.log("The database already has people in it: demo data not seeded again.");

const port = process.env.PORT ?? "3000";

const server = spawn(process.execPath, serverNodeArgs, {
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production", PORT: port },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
