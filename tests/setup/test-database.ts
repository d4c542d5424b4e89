import { copyFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll } from "vitest";
import { templateDb, testDataDir } from "./paths.ts";

// Each test file gets its own copy of the migrated template, so files never see each other's rows.
const file = path.join(testDataDir, `test-${process.env.VITEST_POOL_ID ?? "0"}-${crypto.randomUUID()}.db`);
copyFileSync(templateDb, file);
process.env.DATABASE_URL = `file:${file}`;
process.env.NODE_ENV = "test";

afterAll(async () => {
  const clients = (globalThis as { lantoaDb?: Map<string, Promise<{ $disconnect(): Promise<void> }>> }).lantoaDb;
  await (await clients?.get(process.env.DATABASE_URL!))?.$disconnect();
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
});
