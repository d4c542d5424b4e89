import "./scripts/supported-node.mjs";
import { defineConfig, devices } from "@playwright/test";

// `npm run test:e2e:postgres` runs the same specs against PostgreSQL, on the next port, in a database of
// the private test cluster (scripts/start-test-postgres.sh, whose default role and password these are).
const onPostgres = process.env.E2E_DATABASE === "postgres";
const port = Number(process.env.E2E_PORT ?? 3100) + (onPostgres ? 1 : 0);
const postgresDatabase = "lantoa_e2e";
export const e2eDatabaseUrl = onPostgres
  ? `postgresql://lantoa:lantoa@127.0.0.1:${process.env.PGPORT ?? 54329}/${postgresDatabase}`
  : "file:./data/e2e/e2e.db";

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: process.env.CI ? "list" : [["list"]],
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: "vi-VN",
    trace: "retain-on-failure",
    // The service worker (ADR 015) would answer pages' requests before page.route sees them; the offline spec allows it.
    serviceWorkers: "block",
    launchOptions: {
      // Debian's Chromium: Playwright's own browser download cannot run on these machines.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [{ name: "phone", use: { ...devices["Pixel 7"], browserName: "chromium" } }],
  webServer: {
    // A fresh database every run: migrate, seed the demo data, serve the production build (on PostgreSQL,
    // the build the SQLite run made just before, unless the sources are newer).
    command: onPostgres
      ? `PG_DB_NAME=${postgresDatabase} bash scripts/start-test-postgres.sh --fresh >/dev/null && tsx scripts/build-if-stale.ts && tsx scripts/demo.ts`
      : "rm -rf data/e2e && npm run demo",
    url: `http://127.0.0.1:${port}/login`,
    timeout: 240_000,
    reuseExistingServer: false,
    env: { DATABASE_URL: e2eDatabaseUrl, PORT: String(port) },
    stdout: "ignore",
  },
});
