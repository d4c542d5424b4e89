import { describe, expect, test } from "vitest";
import { hashPassword, verifyPassword } from "#app/auth/password.server.ts";

describe("password hashing", () => {
  test("hashes with argon2id and a per-hash salt", async () => {
    const first = await hashPassword("LanToa@2025");
    const second = await hashPassword("LanToa@2025");
    expect(first).toMatch(/^\$argon2id\$/);
    expect(first).not.toContain("LanToa@2025");
    expect(first).not.toBe(second);
  });

  test("verifies the right password and rejects a wrong one", async () => {
    const hash = await hashPassword("chi-hoi-truong");
    expect(await verifyPassword(hash, "chi-hoi-truong")).toBe(true);
    expect(await verifyPassword(hash, "chi-hoi-truonG")).toBe(false);
  });

  test("a garbage hash verifies as false instead of throwing", async () => {
    expect(await verifyPassword("not-a-hash", "anything")).toBe(false);
    expect(await verifyPassword("", "anything")).toBe(false);
  });
});
