import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { templateDb, testDataDir } from "./paths.ts";

// One migrated database, made once per run through the real migration path; every test file copies it.
export default function setup() {
  rmSync(testDataDir, { recursive: true, force: true });
  mkdirSync(testDataDir, { recursive: true });
  execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${templateDb}` },
    stdio: "pipe",
  });
  return () => rmSync(testDataDir, { recursive: true, force: true });
}
