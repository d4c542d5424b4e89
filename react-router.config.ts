import type { Config } from "@react-router/dev/config";

export default {
  ssr: true,
  // Middleware lets the root re-issue a session cookie on every kind of response (docs/decisions/002).
  future: { v8_middleware: true },
} satisfies Config;
