import { data } from "react-router";

/** A request the app will not read: one line in the log (no stack, the fault is the client's) and a status the error page explains. */
export function refuse(request: Request, status: 400 | 413 | 415, reason: string) {
  console.warn(`${status} ${request.method} ${new URL(request.url).pathname}: ${reason}`);
  return data(null, { status });
}
