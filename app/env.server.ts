import { isIP } from "node:net";
import { availableParallelism } from "node:os";
import { z } from "zod";

const proxyRanges = ["loopback", "linklocal", "uniquelocal"];

function isProxyAddress(entry: string) {
  if (proxyRanges.includes(entry)) return true;
  const [address = "", prefix, ...rest] = entry.split("/");
  const family = isIP(address);
  if (!family || rest.length > 0) return false;
  return prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

/**
 * Which proxies may speak for the client through X-Forwarded-Proto/-Host/-For, in the form Express's
 * "trust proxy" takes: a number of proxies in front, or their addresses. Unset: no forwarded header is believed.
 */
const trustProxy = z
  .string()
  .trim()
  .default("")
  .transform((value, ctx): false | number | string[] => {
    if (value === "" || value === "false") return false;
    if (/^\d+$/.test(value) && Number(value) > 0) return Number(value);
    const entries = value.split(",").map((entry) => entry.trim());
    if (entries.every(isProxyAddress)) return entries;
    ctx.addIssue({ code: "custom", message: "must be the number of proxies in front (1 for one), or their addresses: IPs, CIDR ranges, loopback, linklocal, uniquelocal" });
    return z.NEVER;
  });

/** How many server processes `npm start` runs (server.mjs): a number, or `auto` / 0 for one per core. */
const webConcurrency = z
  .string()
  .trim()
  .default("1")
  .transform((value, ctx) => {
    if (value === "auto" || value === "0") return availableParallelism();
    if (/^\d+$/.test(value) && Number(value) <= 256) return Number(value);
    ctx.addIssue({ code: "custom", message: "must be the number of server processes (1 to 256), or auto (or 0) for one per core" });
    return z.NEVER;
  });

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string()
      .regex(/^(file:|postgres(ql)?:\/\/)/, "must start with file: (SQLite) or postgresql:// (PostgreSQL)")
      .default("file:./data/lantoa.db"),
    CONTENT_DIR: z.string().default("content/courses"),
    // Lessons compiled at run time: content not in the build (edited since, or another CONTENT_DIR).
    CONTENT_CACHE_DIR: z.string().min(1).default(".cache/mdx"),
    SESSION_DAYS: z.coerce.number().int().positive().max(365).default(30),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    // The address to listen on: every interface by default; 127.0.0.1 behind a proxy on the same machine,
    // so that only the proxy can reach the app and set the X-Forwarded-* headers TRUST_PROXY believes.
    HOST: z.string().min(1).optional(),
    // Printed on certificates, so it must not come from a request's Host header.
    PUBLIC_URL: z
      .url({ protocol: /^https?$/, error: "must be the site's address, e.g. https://lantoa.vn" })
      .refine((url) => !/[?#]/.test(url), "must not have a query or fragment")
      .optional(),
    TRUST_PROXY: trustProxy,
    WEB_CONCURRENCY: webConcurrency,
    // How SQLite syncs a commit before it is acknowledged: see createDb in db.server.ts.
    SQLITE_SYNCHRONOUS: z.enum(["FULL", "NORMAL"], { error: "must be FULL or NORMAL" }).default("FULL"),
  })
  .transform(({ PUBLIC_URL, ...env }) => ({ ...env, PUBLIC_URL: (PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "") }));

export type Env = z.infer<typeof schema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment variables:\n${problems.join("\n")}`);
  }
  return result.data;
}

export const env = parseEnv(process.env);
