import { expect, test } from "vitest";
import { contentSecurityPolicy, createNonce } from "./content-security-policy.server.ts";

const directives = (policy: string) => new Map(policy.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

test("scripts run from this site or with the page's nonce, never through eval, and no one frames the site", () => {
  const policy = directives(contentSecurityPolicy("abc123==", false));
  expect(policy.get("script-src")).toEqual(["'self'", "'nonce-abc123=='"]);
  expect(policy.get("style-src")).toEqual(["'self'"]);
  expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
  expect(policy.get("object-src")).toEqual(["'none'"]);
  expect([...policy.values()].flat().filter((source) => /unsafe/.test(source))).toEqual([]);
});

test("Vite's dev server may inject styles and reload over a WebSocket; it still gets no eval", () => {
  const policy = contentSecurityPolicy("abc", true);
  expect(policy).toContain("style-src 'self' 'unsafe-inline'");
  expect(policy).not.toContain("unsafe-eval");
});

test("every page gets a fresh nonce of 128 random bits", () => {
  const nonces = new Set(Array.from({ length: 100 }, createNonce));
  expect(nonces.size).toBe(100);
  expect(Buffer.from([...nonces][0]!, "base64").byteLength).toBe(16);
});
