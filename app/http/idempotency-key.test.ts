import { afterEach, expect, test, vi } from "vitest";
import { newIdempotencyKey } from "./idempotency-key.ts";

const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
afterEach(() => vi.unstubAllGlobals());

test("a key is a fresh version 4 UUID, with randomUUID and, over plain http in a browser, without it", () => {
  const withRandomUuid = Array.from({ length: 50 }, newIdempotencyKey);
  const { getRandomValues } = crypto;
  vi.stubGlobal("crypto", { getRandomValues: getRandomValues.bind(crypto) });
  const withoutRandomUuid = Array.from({ length: 50 }, newIdempotencyKey);
  for (const keys of [withRandomUuid, withoutRandomUuid]) {
    for (const key of keys) expect(key).toMatch(uuidV4);
    expect(new Set(keys).size).toBe(keys.length);
  }
});
