import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { clientAddress, clientAddressHeader } from "./client-address.ts";

const from = (address?: string) => new Request("http://localhost/login", { headers: address ? { [clientAddressHeader]: address } : {} });

test("an IPv6 client is counted by its /64, however the address is written", () => {
  const prefix = "2001:db8:85a3:8d3::/64";
  for (const address of ["2001:db8:85a3:8d3:1319:8a2e:370:7348", "2001:0db8:85a3:08d3::1", "2001:DB8:85A3:8D3:ffff::", "2001:db8:85a3:8d3::"])
    expect(clientAddress(from(address)), address).toBe(prefix);
  expect(clientAddress(from("2001:db8:85a3:8d4::1"))).not.toBe(prefix);
  expect(clientAddress(from("::1"))).toBe("0:0:0:0::/64");
  // "::" early or late, groups with leading zeros, a zone, an IPv4 tail: the /64 is the first four groups all the same.
  const written: [string, string][] = [
    ["2001:db8::1", "2001:db8:0:0::/64"],
    ["2001::8d3:1:2:3:4:5", "2001:0:8d3:1::/64"],
    ["2001:0db8:0000:0001::1", "2001:db8:0:1::/64"],
    ["fe80::1%eth0", "fe80:0:0:0::/64"],
    ["2001:db8:85a3:8d3::ffff:10.0.0.1", prefix],
  ];
  for (const [address, expected] of written) expect(clientAddress(from(address)), address).toBe(expected);
});

test("an IPv4 client is its address, also when the socket reports it IPv4-mapped; no header is nobody", () => {
  expect(clientAddress(from("203.113.5.9"))).toBe("203.113.5.9");
  expect(clientAddress(from("::ffff:203.113.5.9"))).toBe("203.113.5.9");
  expect(clientAddress(from("::ffff:203.113.50.99"))).toBe("203.113.50.99");
  expect(clientAddress(from())).toBeNull();
});

test("the header the app reads is the one server.mjs sets from Express's req.ip", () => {
  expect(readFileSync("server.mjs", "utf8")).toContain(`req.headers["${clientAddressHeader}"] = req.ip`);
});
