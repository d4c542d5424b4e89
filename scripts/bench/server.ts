// Fresh database and the production server for `npm run bench`.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { serverNodeArgs } from "../server-process.ts";

const tsx = "node_modules/.bin/tsx";

/** A fresh SQLite database with the demo data (~650 cadres, 4 courses), or only migrated. */
export function freshDatabase(databaseUrl: string, dir: string, { demo = true } = {}) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const env = { ...process.env, DATABASE_URL: databaseUrl };
  console.log(`· migrate deploy${demo ? " + seed" : ""} into`, dir);
  execFileSync(tsx, ["scripts/prisma.ts", "migrate", "deploy"], { env, stdio: ["ignore", "ignore", "inherit"] });
  if (demo) execFileSync(tsx, ["prisma/seed.ts"], { env, stdio: ["ignore", "inherit", "inherit"] });
}

export interface Server {
  origin: string;
  pid: number;
  /** Synchronous SIGTERM, safe from an exit handler. */
  stop(): void;
  /** SIGTERM, then SIGKILL if the server is still there after 5 s; the exit code (null when killed). */
  stopAndWait(): Promise<number | null>;
  /** SIGKILL, as a crash: nothing of the server's own runs. */
  crash(): Promise<void>;
}

/**
 * Starts server.mjs with node itself, so that the PID we stop is the server's own (with WEB_CONCURRENCY
 * above 1 in `env`, the cluster's primary, which stops its workers).
 */
export async function startServer(port: number, databaseUrl: string, env: Record<string, string> = {}): Promise<Server> {
  const child: ChildProcess = spawn(process.execPath, serverNodeArgs, {
    // stdout is not read: discard it rather than let an undrained pipe stall the server.
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: databaseUrl, ...env },
  });
  let stderr = "";
  child.stderr!.on("data", (chunk) => (stderr += chunk));
  let exited = false;
  child.on("exit", () => (exited = true));
  const stop = () => {
    if (!exited && child.pid) {
      try {
        process.kill(child.pid, "SIGTERM");
      } catch {}
    }
  };
  const stopAndWait = async () => {
    if (exited) return child.exitCode;
    const gone = new Promise<number | null>((r) => child.once("exit", r));
    stop();
    const timer = setTimeout(() => child.pid && !exited && process.kill(child.pid, "SIGKILL"), 5_000);
    const code = await gone;
    clearTimeout(timer);
    return code;
  };
  const crash = async () => {
    if (exited) return;
    const gone = new Promise((r) => child.once("exit", r));
    process.kill(child.pid!, "SIGKILL");
    await gone;
  };
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`the server exited before answering:\n${stderr}`);
    try {
      const response = await fetch(`${origin}/login`);
      if (response.ok) return { origin, pid: child.pid!, stop, stopAndWait, crash };
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  stop();
  throw new Error(`the server did not answer ${origin}/login within 60 s:\n${stderr}`);
}
