import { expect, test } from "vitest";
import { db, sqliteDurability } from "#app/db.server.ts";

test("the SQLite connection writes ahead, waits when busy and syncs every commit", async () => {
  // synchronous 2 is FULL, the default of SQLITE_SYNCHRONOUS: see createDb for why not NORMAL (1).
  expect(await sqliteDurability(db)).toEqual({ journalMode: "wal", synchronous: 2, busyTimeout: 5000 });
});
