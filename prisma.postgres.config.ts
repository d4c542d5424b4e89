// Prisma CLI configuration for PostgreSQL: DATABASE_URL=postgresql://… npm run prisma -- <command>
// (scripts/prisma.ts picks this file when DATABASE_URL starts with postgres).
import "./scripts/supported-node.mjs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";

const root = path.dirname(fileURLToPath(import.meta.url));

// See prisma.config.ts: a Node stand-in for the native schema engine.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(root, "scripts", "prisma-schema-engine.mjs");

export default defineConfig({
  // Generated from prisma/schema.prisma by scripts/derive-postgres-schema.ts — edit the source.
  schema: "prisma/postgres/schema.prisma",
  migrations: {
    path: "prisma/postgres/migrations",
    seed: "tsx prisma/seed.ts",
  },
  datasource: {
    // Empty when unset so that `prisma generate` works without a database; migrate commands
    // then fail with "datasource.url is required".
    url: process.env.DATABASE_URL ?? "",
  },
});
