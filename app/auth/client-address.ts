import { isIPv6 } from "node:net";

/**
 * server.mjs sets this header on every request from Express's req.ip, overwriting any value the client sent:
 * the socket's address, or the forwarded one only from a proxy named by TRUST_PROXY.
 */
export const clientAddressHeader = "x-lantoa-client-address";

/**
 * The client's address as throttles count it, or null where no server set it (the development server,
 * tests). An IPv6 client is its /64: one home or phone gets a whole /64, so counting single addresses
 * would let it spread guesses over 2^64 of them.
 */
export function clientAddress(request: Request) {
  const address = request.headers.get(clientAddressHeader)?.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
  if (!address) return null;
  return isIPv6(address) ? `${ipv6Groups(address).slice(0, 4).join(":")}::/64` : address;
}

/** The eight groups of an IPv6 address, "::" expanded. */
function ipv6Groups(address: string) {
  const [head = "", tail = ""] = address.split("%")[0]!.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = address.includes("::") ? [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right] : left;
  return groups.map((group) => group.toLowerCase().replace(/^0+(?=.)/, ""));
}
