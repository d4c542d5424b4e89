import { afterAll, inject } from "vitest";
import { admin, databaseUrl, templateDatabase, testDatabasePrefix } from "./global-setup.ts";

// Each test file gets its own database, copied from the migrated template, so files never see each
// other's rows (the PostgreSQL counterpart of tests/setup/test-database.ts).
const clusterUrl = inject("postgresClusterUrl");
const database = `${testDatabasePrefix}${process.env.VITEST_POOL_ID ?? "0"}_${crypto.randomUUID().replaceAll("-", "")}`;
await admin(clusterUrl, (client) => client.query(`CREATE DATABASE "${database}" TEMPLATE "${templateDatabase}"`));
process.env.DATABASE_URL = databaseUrl(clusterUrl, database);
process.env.NODE_ENV = "test";

afterAll(async () => {
  const clients = (globalThis as { lantoaDb?: Map<string, Promise<{ $disconnect(): Promise<void> }>> }).lantoaDb;
  await (await clients?.get(process.env.DATABASE_URL!))?.$disconnect();
  await admin(clusterUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
});
