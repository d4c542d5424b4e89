import { availableParallelism } from "node:os";
import { describe, expect, test } from "vitest";
import { parseEnv } from "#app/env.server.ts";

describe("parseEnv", () => {
  test("an empty environment gets the documented defaults", () => {
    expect(parseEnv({})).toEqual({
      NODE_ENV: "development",
      DATABASE_URL: "file:./data/lantoa.db",
      CONTENT_DIR: "content/courses",
      CONTENT_CACHE_DIR: ".cache/mdx",
      SESSION_DAYS: 30,
      PORT: 3000,
      PUBLIC_URL: "http://localhost:3000",
      TRUST_PROXY: false,
      WEB_CONCURRENCY: 1,
      SQLITE_SYNCHRONOUS: "FULL",
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

  test("PUBLIC_URL defaults to this machine's PORT and loses a trailing slash; a bad one is named", () => {
    expect(parseEnv({ PORT: "8080" }).PUBLIC_URL).toBe("http://localhost:8080");
    expect(parseEnv({ PUBLIC_URL: "https://lantoa.vn/" }).PUBLIC_URL).toBe("https://lantoa.vn");
    expect(parseEnv({ PUBLIC_URL: "https://hoiphunu.vn/lantoa" }).PUBLIC_URL).toBe("https://hoiphunu.vn/lantoa");
    for (const bad of ["lantoa.vn", "ftp://lantoa.vn", "https://lantoa.vn/?a=1"]) expect(() => parseEnv({ PUBLIC_URL: bad }), bad).toThrow(/PUBLIC_URL/);
  });

  test("SQLITE_SYNCHRONOUS is FULL or NORMAL", () => {
    expect(parseEnv({ SQLITE_SYNCHRONOUS: "NORMAL" }).SQLITE_SYNCHRONOUS).toBe("NORMAL");
    expect(() => parseEnv({ SQLITE_SYNCHRONOUS: "OFF" })).toThrow(/SQLITE_SYNCHRONOUS/);
  });

  test("TRUST_PROXY takes a number of proxies or their addresses, and nothing that trusts every client", () => {
    expect(parseEnv({ TRUST_PROXY: "1" }).TRUST_PROXY).toBe(1);
    expect(parseEnv({ TRUST_PROXY: "false" }).TRUST_PROXY).toBe(false);
    expect(parseEnv({ TRUST_PROXY: "loopback, 10.0.0.0/8, fd00::1" }).TRUST_PROXY).toEqual(["loopback", "10.0.0.0/8", "fd00::1"]);
    for (const bad of ["true", "0", "10.0.0.0/33", "proxy.example", "1.2.3.4/8/8"]) expect(() => parseEnv({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY/);
  });

  test("WEB_CONCURRENCY is a number of server processes, or auto / 0 for one per core", () => {
    expect(parseEnv({ WEB_CONCURRENCY: "4" }).WEB_CONCURRENCY).toBe(4);
    expect(parseEnv({ WEB_CONCURRENCY: "auto" }).WEB_CONCURRENCY).toBe(availableParallelism());
    expect(parseEnv({ WEB_CONCURRENCY: "0" }).WEB_CONCURRENCY).toBe(availableParallelism());
    for (const bad of ["-1", "1.5", "many", "257"]) expect(() => parseEnv({ WEB_CONCURRENCY: bad }), bad).toThrow(/WEB_CONCURRENCY/);
  });
});
