import type { Config } from "@react-router/dev/config";

export default {
  ssr: true,
  // One chunk per route: splitting a route's client loader from its component adds requests and bytes
  // to a lesson's first visit (docs/decisions/008); the client loaders are small.
  splitRouteModules: false,
  // The whole route manifest is one immutable, cached file instead of a /__manifest request for the links
  // of every page: the same first visit, and no round trip before in-app navigations on a weak network.
  routeDiscovery: { mode: "initial" },
} satisfies Config;
