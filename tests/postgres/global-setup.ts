import { execFileSync } from "node:child_process";
import pg from "pg";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    postgresClusterUrl: string;
  }
}

export const templateDatabase = "lantoa_template";
export const testDatabasePrefix = "lantoa_test_";

// Starts (or reuses) the private cluster and migrates one template through the real migration path;
// every test file gets a database created from it (tests/postgres/test-database.ts).
export default async function setup(project: TestProject) {
  const clusterUrl = execFileSync("bash", ["scripts/start-test-postgres.sh"], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }).trim();
  await admin(clusterUrl, async (client) => {
    // Also what an interrupted run left behind.
    const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE '${testDatabasePrefix}%'`);
    for (const { datname } of rows) await client.query(`DROP DATABASE "${datname}" WITH (FORCE)`);
    await client.query(`DROP DATABASE IF EXISTS "${templateDatabase}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${templateDatabase}"`);
  });
  execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy", "--config", "prisma.postgres.config.ts"], {
    env: { ...process.env, DATABASE_URL: databaseUrl(clusterUrl, templateDatabase) },
    stdio: "pipe",
  });
  project.provide("postgresClusterUrl", clusterUrl);
  return () => admin(clusterUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${templateDatabase}" WITH (FORCE)`));
}

export function databaseUrl(clusterUrl: string, database: string) {
  const url = new URL(clusterUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function admin<T>(clusterUrl: string, work: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: clusterUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
