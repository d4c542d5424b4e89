import { expect, test } from "vitest";
import { action as login } from "./auth/login.tsx";
import { action as verify } from "./verify-form.tsx";

// A hand-made post may leave fields out entirely; each gets the field's translated message, not a 500.
const post = (fields: Record<string, string>) => new Request("http://localhost/", { method: "POST", body: new URLSearchParams(fields) });
const args = <A>(request: Request) => ({ request, params: {}, context: new Map() }) as unknown as A;

test("sign-in without its fields answers 400 with the fields' messages", async () => {
  const result = (await login(args(post({})))) as { data: unknown; init: ResponseInit };
  expect(result.init.status).toBe(400);
  expect(result.data).toEqual({ errors: { identifier: "login.identifierRequired", password: "login.passwordRequired" }, identifier: "" });
});

test("certificate lookup without a code answers 400 with the code's message", async () => {
  const result = (await verify(args(post({})))) as { data: unknown; init: ResponseInit };
  expect(result.init.status).toBe(400);
  expect(result.data).toEqual({ error: "certificate.codeRequired", code: "" });
});
