import { formLimit, readBody } from "./body-limit.server.ts";
import { refuse } from "./refuse.server.ts";

const formTypes = /^(application\/x-www-form-urlencoded|multipart\/form-data)\s*(;|$)/i;

/**
 * Every action reads its form through here: another content type is refused with 415, a body over
 * `limit` with 413 and one that does not parse (a broken multipart body) with 400, never a 500.
 */
export async function readForm(request: Request, limit = formLimit): Promise<FormData> {
  const type = request.headers.get("Content-Type") ?? "";
  if (!formTypes.test(type)) throw refuse(request, 415, `Content-Type ${type || "missing"}`);
  const body = await readBody(request, limit);
  try {
    return await new Response(body, { headers: { "Content-Type": type } }).formData();
  } catch {
    throw refuse(request, 400, "malformed form body");
  }
}
