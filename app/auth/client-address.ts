/**
 * server.mjs sets this header on every request from Express's req.ip, overwriting any value the client sent:
 * the socket's address, or the forwarded one only from a proxy named by TRUST_PROXY.
 */
export const clientAddressHeader = "x-lantoa-client-address";

/** The client's address, or null where no server set it (the development server, tests). */
export function clientAddress(request: Request) {
  return request.headers.get(clientAddressHeader) || null;
}
