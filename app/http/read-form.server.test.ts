import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { formLimit } from "./body-limit.server.ts";
import { readForm } from "./read-form.server.ts";

let warnings: string[] = [];
beforeEach(() => {
  warnings = [];
  vi.spyOn(console, "warn").mockImplementation((...args: unknown[]) => void warnings.push(args.map(String).join(" ")));
});
afterEach(() => vi.restoreAllMocks());

const post = (body: BodyInit | null, headers: Record<string, string> = {}) =>
  new Request("http://localhost/login", { method: "POST", body, headers, ...(body instanceof ReadableStream ? { duplex: "half" } : {}) });

async function refusal(promise: Promise<unknown>) {
  const thrown = await promise.then(
    () => expect.unreachable("the form was read"),
    (error: unknown) => error as { init: ResponseInit },
  );
  return thrown.init.status;
}

test("reads URL-encoded and multipart forms", async () => {
  expect(Object.fromEntries(await readForm(post(new URLSearchParams({ code: "LT-1234-5678" }))))).toEqual({ code: "LT-1234-5678" });
  const multipart = new FormData();
  multipart.set("identifier", "Nguyễn Thị Ánh");
  expect((await readForm(post(multipart))).get("identifier")).toBe("Nguyễn Thị Ánh");
  expect(warnings).toEqual([]);
});

test("JSON, plain text or no content type answer 415 with one log line", async () => {
  expect(await refusal(readForm(post(JSON.stringify({ identifier: "a" }), { "Content-Type": "application/json" }))) ).toBe(415);
  expect(await refusal(readForm(post("identifier=a", { "Content-Type": "text/plain" })))).toBe(415);
  expect(await refusal(readForm(post(null)))).toBe(415);
  expect(warnings).toEqual(["415 POST /login: Content-Type application/json", "415 POST /login: Content-Type text/plain", "415 POST /login: Content-Type missing"]);
});

test("a broken multipart body answers 400", async () => {
  const body = "--x\r\nContent-Disposition: form-data; name=\"identifier\"\r\n\r\nno closing boundary";
  expect(await refusal(readForm(post(body, { "Content-Type": "multipart/form-data; boundary=x" })))).toBe(400);
  expect(warnings).toEqual(["400 POST /login: malformed form body"]);
});

test("a declared Content-Length over the limit is refused before the body is read", async () => {
  const request = post("identifier=a", { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(60 * 1024 * 1024) });
  expect(await refusal(readForm(request))).toBe(413);
  expect(request.bodyUsed).toBe(false);
});

test("a chunked body without Content-Length is counted and refused at the limit, not read to its end", async () => {
  let sent = 0;
  const endless = new ReadableStream<Uint8Array>({
    pull(controller) {
      sent += 16 * 1024;
      controller.enqueue(new Uint8Array(16 * 1024).fill(97));
    },
  });
  expect(await refusal(readForm(post(endless, { "Content-Type": "application/x-www-form-urlencoded" })))).toBe(413);
  expect(sent).toBeLessThan(formLimit * 2);
  expect(warnings).toEqual([`413 POST /login: body over ${formLimit} bytes`]);
});

test("a larger limit lets a long form through", async () => {
  const source = "á".repeat(formLimit);
  expect(await refusal(readForm(post(new URLSearchParams({ source }))))).toBe(413);
  expect((await readForm(post(new URLSearchParams({ source })), formLimit * 20)).get("source")).toBe(source);
});
