// CPU time spent per request, so the throughput target can be set against what a page costs.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";

const ticksPerSecond = existsSync("/proc/self/stat") ? Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" })) : 0;

/**
 * A process's CPU time so far in ms, all its threads (the thread pool's compression included), or null
 * where /proc is missing (not Linux).
 */
export function processCpuMs(pid: number): number | null {
  if (!ticksPerSecond) return null;
  // Fields after the parenthesised command name; utime and stime are the 14th and 15th of the line.
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /s, "").split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}

/** This process's CPU time so far in ms: the load generator's, which runs in it. */
export const ownCpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
