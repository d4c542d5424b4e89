// One autocannon measurement: a discarded warm-up run, then the measured run.
import autocannon from "autocannon";
import { ownCpuMs, processCpuMs } from "./cpu.ts";

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  bytesPerSecond: number;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** CPU ms per request of the server (when its PID is given; null without /proc) and of the load generator. */
  serverCpuMs: number | null;
  generatorCpuMs: number;
}

function run(url: string, headers: Record<string, string>, connections: number, seconds: number) {
  return autocannon({ url, headers, connections, duration: seconds });
}

export async function measure(url: string, headers: Record<string, string>, opts: { connections: number; warmup: number; duration: number; serverPid?: number }): Promise<LoadResult> {
  // Warm-up: JIT, Prisma's connection and statement caches, the OS page cache for the static file.
  if (opts.warmup > 0) await run(url, headers, opts.connections, opts.warmup);
  const server = () => (opts.serverPid === undefined ? null : processCpuMs(opts.serverPid));
  const [server0, generator0] = [server(), ownCpuMs()];
  const r = await run(url, headers, opts.connections, opts.duration);
  const [server1, generator1] = [server(), ownCpuMs()];
  const perRequest = (ms: number) => ms / Math.max(1, r.requests.total);
  return {
    serverCpuMs: server0 === null || server1 === null ? null : perRequest(server1 - server0),
    generatorCpuMs: perRequest(generator1 - generator0),
    requestsPerSecond: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    bytesPerSecond: r.throughput.average,
    requests: r.requests.total,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
  };
}
