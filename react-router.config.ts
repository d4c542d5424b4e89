import type { Config } from "@react-router/dev/config";

export default {
  ssr: true,
  // One chunk per route: splitting a route's client loader from its component adds requests and bytes
  // to a lesson's first visit (docs/decisions/008); the client loaders are small.
  splitRouteModules: false,
} satisfies Config;
