import { defineConfig } from "vitest/config";
import unit from "./vitest.config.ts";

// The whole unit suite again, against PostgreSQL (`npm run test:postgres`; needs Debian's postgresql
// package), plus the tests in tests/postgres/ that only mean something there.
export default defineConfig({
  test: {
    ...unit.test,
    include: [...unit.test!.include!, "tests/postgres/**/*.test.ts"],
    globalSetup: ["tests/postgres/global-setup.ts"],
    setupFiles: ["tests/postgres/test-database.ts", "tests/setup/fail-on-console-error.ts"],
  },
});
