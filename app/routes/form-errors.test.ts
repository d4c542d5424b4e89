import { expect, test, vi } from "vitest";
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

// What is not a form, or too large a one, is refused before it is parsed: a status the error page explains, not a 500.
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable("the action ran"),
    (error: unknown) => (error as { init: ResponseInit }).init.status,
  );
const raw = (body: string, headers: Record<string, string>) => new Request("http://localhost/login", { method: "POST", body, headers });

test("sign-in posted as JSON or plain text answers 415, a broken multipart body 400", async () => {
  vi.spyOn(console, "warn").mockImplementation(() => {});
  expect(await refusal(login(args(raw('{"identifier":"a"}', { "Content-Type": "application/json" }))))).toBe(415);
  expect(await refusal(login(args(raw("identifier=a", { "Content-Type": "text/plain" }))))).toBe(415);
  expect(await refusal(login(args(raw("--x\r\nbroken", { "Content-Type": "multipart/form-data; boundary=x" }))))).toBe(400);
});

test("a certificate lookup declaring 60 MB answers 413", async () => {
  vi.spyOn(console, "warn").mockImplementation(() => {});
  const huge = raw("code=LT-1234-5678", { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(60 * 1024 * 1024) });
  expect(await refusal(verify(args(huge)))).toBe(413);
});

test("certificate lookup: a code that cannot be one comes back with what was typed; a code typed loosely goes to its canonical address", async () => {
  const result = (await verify(args(post({ code: " abc " })))) as { data: unknown; init: ResponseInit };
  expect(result.init.status).toBe(400);
  expect(result.data).toEqual({ error: "certificate.codeInvalid", code: " abc " });
  expect(((await verify(args(post({ code: "lt 2345 6789" })))) as Response).headers.get("Location")).toBe("/verify/LT-2345-6789");
});
