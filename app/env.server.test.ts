import { describe, expect, test } from "vitest";
import { parseEnv } from "#app/env.server.ts";

describe("parseEnv", () => {
  test("an empty environment gets the documented defaults", () => {
    expect(parseEnv({})).toEqual({
      NODE_ENV: "development",
      DATABASE_URL: "file:./data/lantoa.db",
      CONTENT_DIR: "content/courses",
      SESSION_DAYS: 30,
    });
  });

  test("accepts a PostgreSQL url and coerces SESSION_DAYS", () => {
    const env = parseEnv({ DATABASE_URL: "postgresql://u:p@localhost:5432/db", SESSION_DAYS: "7" });
    expect(env.DATABASE_URL).toBe("postgresql://u:p@localhost:5432/db");
    expect(env.SESSION_DAYS).toBe(7);
  });

  test("a bad DATABASE_URL throws a message naming DATABASE_URL", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://localhost/db" })).toThrow(/DATABASE_URL/);
  });

  test("a bad SESSION_DAYS is named, and a good DATABASE_URL is not", () => {
    expect(() => parseEnv({ SESSION_DAYS: "0" })).toThrow(/SESSION_DAYS/);
    expect(() => parseEnv({ SESSION_DAYS: "0" })).not.toThrow(/DATABASE_URL/);
  });
});
