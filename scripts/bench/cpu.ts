// CPU time spent per request, so the throughput target can be set against what a page costs.
import { existsSync, readFileSync } from "node:fs";

// /proc counts CPU time in USER_HZ ticks, 100 a second on every architecture Linux runs Node on.
const ticksPerSecond = 100;

/**
 * A process's CPU time so far in ms, all its threads (the thread pool's compression included), or null
 * where /proc is missing (not Linux).
 */
export function processCpuMs(pid: number): number | null {
  if (!existsSync(`/proc/${pid}/stat`)) return null;
  // Fields after the parenthesised command name; utime and stime are the 14th and 15th of the line.
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /s, "").split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}

/** This process's CPU time so far in ms: the load generator's, which runs in it. */
export const ownCpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
