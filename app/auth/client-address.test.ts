import { expect, test } from "vitest";
import { clientAddress, clientAddressHeader } from "./client-address.ts";

const from = (address?: string) => new Request("http://localhost/login", { headers: address ? { [clientAddressHeader]: address } : {} });

test("an IPv6 client is counted by its /64, however the address is written", () => {
  const prefix = "2001:db8:85a3:8d3::/64";
  for (const address of ["2001:db8:85a3:8d3:1319:8a2e:370:7348", "2001:0db8:85a3:08d3::1", "2001:DB8:85A3:8D3:ffff::", "2001:db8:85a3:8d3::"])
    expect(clientAddress(from(address)), address).toBe(prefix);
  expect(clientAddress(from("2001:db8:85a3:8d4::1"))).not.toBe(prefix);
  expect(clientAddress(from("::1"))).toBe("0:0:0:0::/64");
});

test("an IPv4 client is its address, also when the socket reports it IPv4-mapped; no header is nobody", () => {
  expect(clientAddress(from("203.113.5.9"))).toBe("203.113.5.9");
  expect(clientAddress(from("::ffff:203.113.5.9"))).toBe("203.113.5.9");
  expect(clientAddress(from())).toBeNull();
});
