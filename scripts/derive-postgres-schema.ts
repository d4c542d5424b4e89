// Writes prisma/postgres/schema.prisma from prisma/schema.prisma (the SQLite source of truth).
// One Prisma schema cannot serve two providers, so the PostgreSQL copy differs only in its
// datasource provider and its generator output. `--check` fails instead of writing when stale (CI).
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const sourcePath = path.join(root, "prisma", "schema.prisma");
const targetPath = path.join(root, "prisma", "postgres", "schema.prisma");

const HEADER = `// generated, do not edit — derived from prisma/schema.prisma by scripts/derive-postgres-schema.ts
// (npm run db:derive-postgres). Edit the SQLite source and run it again.
`;

/** Replaces one `key = "value"` line inside the named block, failing loudly if it is missing. */
function setInBlock(schema: string, block: RegExp, key: string, from: string, to: string): string {
  const match = block.exec(schema);
  if (!match) throw new Error(`Block ${block} not found in ${sourcePath}`);
  const line = new RegExp(`(^\\s*${key}\\s*=\\s*)"${from.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}"`, "m");
  if (!line.test(match[0])) throw new Error(`Expected ${key} = "${from}" in ${match[0].split("\n")[0]}…`);
  return schema.replace(match[0], match[0].replace(line, `$1"${to}"`));
}

export function derivePostgresSchema(source: string): string {
  let schema = source;
  schema = setInBlock(schema, /^datasource\s+\w+\s*\{[^}]*\}/m, "provider", "sqlite", "postgresql");
  schema = setInBlock(
    schema,
    /^generator\s+client\s*\{[^}]*\}/m,
    "output",
    "../app/generated/prisma",
    "../../app/generated/prisma-postgres",
  );
  return HEADER + schema;
}

const derived = derivePostgresSchema(readFileSync(sourcePath, "utf8"));
let current = "";
try {
  current = readFileSync(targetPath, "utf8");
} catch {}

if (process.argv.includes("--check")) {
  if (current !== derived) {
    console.error(`${path.relative(root, targetPath)} is out of date: run npm run db:derive-postgres`);
    process.exit(1);
  }
  console.log(`${path.relative(root, targetPath)} is up to date`);
} else if (current === derived) {
  console.log(`${path.relative(root, targetPath)} unchanged`);
} else {
  mkdirSync(path.dirname(targetPath), { recursive: true });
  writeFileSync(targetPath, derived);
  console.log(`wrote ${path.relative(root, targetPath)}`);
}
