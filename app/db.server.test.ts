import { expect, test } from "vitest";
import { db, sqliteDurability } from "#app/db.server.ts";
import { sqliteOnly } from "#tests/unit/database.ts";

test("the SQLite connection writes ahead, waits when busy and syncs every commit", async (context) => {
  sqliteOnly(context, "journal_mode, synchronous and busy_timeout are SQLite pragmas");
  // synchronous 2 is FULL, the default of SQLITE_SYNCHRONOUS: see createDb for why not NORMAL (1).
  expect(await sqliteDurability(db)).toEqual({ journalMode: "wal", synchronous: 2, busyTimeout: 5000 });
});
