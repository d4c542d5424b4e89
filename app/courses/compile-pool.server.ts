import { Worker } from "node:worker_threads";

export type PoolOptions = { size: number; timeMs: number; idleMs: number; maxMemoryMb: number };
type Job<I, O> = { input: I; resolve: (output: O) => void; reject: (error: unknown) => void };
type Slot<I, O> = { worker: Worker; ready: boolean; job: Job<I, O> | null; timer?: NodeJS.Timeout };
type Reply<O> = { ready: true } | { outcome: O } | { error: string };

/** A task ran past its time or memory budget; its worker was stopped and a fresh one takes its place. */
export class OverBudget extends Error {
  constructor() {
    super("over the compile budget");
    this.name = "OverBudget";
  }
}

/**
 * A few worker threads running `file`, one task each at a time, in order of arrival. A task's time
 * starts when a ready worker receives it (starting a worker loads the compiler). Idle workers let the
 * process exit and are stopped after `idleMs`.
 */
export function workerPool<I, O>(file: string, options: PoolOptions) {
  const slots = new Set<Slot<I, O>>();
  const queue: Job<I, O>[] = [];

  function spawn() {
    // No inherited flags: the worker file loads what it needs, whether the parent runs under tsx, Vite or plain Node.
    const worker = new Worker(file, { execArgv: [], resourceLimits: { maxOldGenerationSizeMb: options.maxMemoryMb } });
    const slot: Slot<I, O> = { worker, ready: false, job: null };
    slots.add(slot);
    worker.on("message", (reply: Reply<O>) => {
      if ("ready" in reply) slot.ready = true;
      else {
        const job = finish(slot);
        if ("error" in reply) job?.reject(new Error(reply.error));
        else job?.resolve(reply.outcome);
      }
      dispatch();
    });
    worker.on("error", (error: Error & { code?: string }) => lost(slot, error.code === "ERR_WORKER_OUT_OF_MEMORY" ? new OverBudget() : error));
    worker.on("exit", () => lost(slot, new Error("compile worker exited")));
  }

  function finish(slot: Slot<I, O>) {
    clearTimeout(slot.timer);
    const job = slot.job;
    slot.job = null;
    return job;
  }

  function retire(slot: Slot<I, O>) {
    slots.delete(slot);
    void slot.worker.terminate();
  }

  function lost(slot: Slot<I, O>, error: unknown) {
    if (!slots.has(slot)) return;
    const wasReady = slot.ready;
    retire(slot);
    finish(slot)?.reject(error);
    // A worker that cannot even start would fail the same way for every task waiting.
    if (!wasReady) for (const job of queue.splice(0)) job.reject(error);
    dispatch();
  }

  function dispatch() {
    for (const slot of slots) {
      if (!slot.ready || slot.job) continue;
      clearTimeout(slot.timer);
      const job = queue.shift();
      if (!job) {
        slot.worker.unref();
        slot.timer = setTimeout(() => retire(slot), options.idleMs).unref();
        continue;
      }
      slot.job = job;
      slot.worker.ref();
      slot.timer = setTimeout(() => {
        retire(slot);
        finish(slot)?.reject(new OverBudget());
        dispatch();
      }, options.timeMs);
      slot.worker.postMessage(job.input);
    }
    let starting = [...slots].filter((s) => !s.ready).length;
    for (; queue.length > starting && slots.size < options.size; starting++) spawn();
  }

  return {
    run(input: I) {
      return new Promise<O>((resolve, reject) => {
        queue.push({ input, resolve, reject });
        dispatch();
      });
    },
  };
}
