import type { TestContext } from "vitest";
import { isPostgresUrl } from "#app/db.server.ts";

/** Which database this run is on: `npm run test:unit` uses SQLite, `npm run test:postgres` PostgreSQL. */
export const onSqlite = !isPostgresUrl(process.env.DATABASE_URL ?? "");

/**
 * For tests of SQLite itself (pragmas, the database file): skips the test on PostgreSQL and says why,
 * so the PostgreSQL run reports it as skipped rather than passing it unseen.
 *   test("…", (context) => { sqliteOnly(context, "journal_mode is a SQLite pragma"); … })
 */
export function sqliteOnly(context: TestContext, reason: string) {
  context.skip(!onSqlite, `SQLite only: ${reason}`);
}
