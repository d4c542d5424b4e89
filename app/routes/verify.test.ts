import { RouterContextProvider } from "react-router";
import { expect, test } from "vitest";
import { clientAddressHeader } from "#app/auth/client-address.ts";
import { routeArgs, statusOf } from "#tests/unit/route-args.ts";
import { loader } from "./verify.tsx";

const lookUp = (code: string, address: string) =>
  loader(routeArgs(new Request(`http://localhost/verify/${code}`, { headers: { [clientAddressHeader]: address } }), new RouterContextProvider(), { code }));

test("an address that looks up twenty codes that do not exist must wait, and is told for how long", async () => {
  for (let i = 0; i < 20; i++) expect(statusOf(await lookUp(`LT-AAAA-${String(i).padStart(4, "0")}`, "192.0.2.1"))).toBe(404);
  const refused = (await lookUp("LT-BBBB-BBBB", "192.0.2.1")) as { data: { retryMinutes: number }; init: ResponseInit };
  expect(refused.init.status).toBe(429);
  expect(refused.data.retryMinutes).toBe(1);
  expect(statusOf(await lookUp("LT-BBBB-BBBB", "192.0.2.2"))).toBe(404);
});
