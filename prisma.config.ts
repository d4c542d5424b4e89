// Prisma CLI configuration for the SQLite database (the default). PostgreSQL: prisma.postgres.config.ts.
import "./scripts/supported-node.mjs";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";

const root = path.dirname(fileURLToPath(import.meta.url));

// Prisma's native schema engine cannot be downloaded here; the CLI runs this Node stand-in instead
// (see scripts/prisma-schema-engine.mjs).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(root, "scripts", "prisma-schema-engine.mjs");

// The default database lives in data/, which git ignores; SQLite will not create the folder itself.
mkdirSync(path.join(root, "data"), { recursive: true });

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
    seed: "tsx prisma/seed.ts",
  },
  datasource: {
    // Relative file: paths resolve against this file's folder (the project root).
    url: process.env.DATABASE_URL ?? "file:./data/lantoa.db",
  },
});
