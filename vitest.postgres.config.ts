import "./scripts/supported-node.mjs";
import { defineConfig } from "vitest/config";

// The same domain code against PostgreSQL: `npm run test:postgres` (needs Debian's postgresql package).
export default defineConfig({
  test: {
    include: ["tests/postgres/**/*.test.ts"],
    globalSetup: ["tests/postgres/global-setup.ts"],
    setupFiles: ["tests/setup/fail-on-console-error.ts"],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
