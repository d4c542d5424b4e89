import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { afterEach, describe, expect, test, vi } from "vitest";
import { OverBudget, workerPool, type PoolOptions } from "./compile-pool.server.ts";

// A stand-in worker whose tasks say what it does: answer, fail, exit, loop or run out of memory.
type Task = { echo?: number; waitMs?: number; fail?: string; exit?: true; loop?: true; hog?: true };
type Reply = { echo?: number; threadId: number };
const standIn = path.resolve("tests/unit/fixtures/pool-worker.mjs");
const roomy: PoolOptions = { size: 1, timeMs: 20_000, idleMs: 60_000, maxMemoryMb: 64 };
const pool = (options: Partial<PoolOptions> = {}, file = standIn) => workerPool<Task, Reply>(file, { ...roomy, ...options });

// Each worker the pool starts registers its listeners once; counted by worker.
function startedWorkers() {
  const workers = new Set<Worker>();
  const on = Worker.prototype.on;
  vi.spyOn(Worker.prototype, "on").mockImplementation(function (this: Worker, ...args: Parameters<Worker["on"]>) {
    workers.add(this);
    return on.apply(this, args);
  });
  return workers;
}
afterEach(() => vi.restoreAllMocks());

describe("the compile workers", () => {
  test("answer every task in order of arrival", async () => {
    const run = pool({ size: 2 }).run;
    const replies = await Promise.all([1, 2, 3, 4, 5].map((n) => run({ echo: n, waitMs: 5 })));
    expect(replies.map((r) => r.echo)).toEqual([1, 2, 3, 4, 5]);
  });

  test("start no more workers than tasks waiting, and never more than the pool's size", async () => {
    const workers = startedWorkers();
    const { run } = pool({ size: 2 });
    const first = run({ echo: 1 });
    expect(workers.size).toBe(1);
    const rest = [run({ echo: 2 }), run({ echo: 3 }), run({ echo: 4 })];
    expect(workers.size).toBe(2);
    await Promise.all([first, ...rest]);
    expect(workers.size).toBe(2);
  });

  test("starting a worker, which loads the compiler, does not count against the tasks' time", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "lantoa-pool-"));
    const slowStart = path.join(dir, "slow-start.mjs");
    writeFileSync(slowStart, `await new Promise((resolve) => setTimeout(resolve, 1500));\nawait import(${JSON.stringify(pathToFileURL(standIn).href)});\n`);
    try {
      const { run } = pool({ timeMs: 1_000 }, slowStart);
      expect(await Promise.all([run({ echo: 1 }), run({ echo: 2 })])).toMatchObject([{ echo: 1 }, { echo: 2 }]);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  test("a task the compiler fails is refused with its error, and the worker goes on", async () => {
    const { run } = pool();
    const before = await run({ echo: 1 });
    await expect(run({ fail: "lỗi biên dịch" })).rejects.toThrow("lỗi biên dịch");
    expect(await run({ echo: 2 })).toEqual({ echo: 2, threadId: before.threadId });
  });

  test("a task past its time is stopped as over budget, and a fresh worker takes the next", async () => {
    const { run } = pool({ timeMs: 1_000 });
    const before = await run({ echo: 1 });
    const stuck = run({ loop: true });
    const next = run({ echo: 2 });
    await expect(stuck).rejects.toBeInstanceOf(OverBudget);
    const after = await next;
    expect(after.echo).toBe(2);
    expect(after.threadId).not.toBe(before.threadId);
  });

  test("a task past its memory is stopped as over budget, and the next one is answered", async () => {
    const { run } = pool({ maxMemoryMb: 32 });
    const hog = run({ hog: true });
    const next = run({ echo: 2 });
    await expect(hog).rejects.toBeInstanceOf(OverBudget);
    expect(await next).toMatchObject({ echo: 2 });
  });

  test("a worker that exits under a task refuses that task only", async () => {
    const { run } = pool();
    const lost = run({ exit: true });
    const next = run({ echo: 2 });
    await expect(lost).rejects.toThrow("compile worker exited");
    expect(await next).toMatchObject({ echo: 2 });
  });

  test("a worker that cannot start refuses every task waiting, rather than being started again for each", async () => {
    const workers = startedWorkers();
    const { run } = pool({}, path.resolve("tests/unit/fixtures/no-such-worker.mjs"));
    const outcomes = await Promise.allSettled([run({ echo: 1 }), run({ echo: 2 }), run({ echo: 3 })]);
    expect(outcomes).toEqual([1, 2, 3].map(() => ({ status: "rejected", reason: expect.objectContaining({ message: expect.stringContaining("Cannot find module") }) })));
    expect(workers.size).toBe(1);
  });

  test("an idle worker is stopped after its idle time, and a task that comes sooner keeps it", async () => {
    const { run } = pool({ idleMs: 100 });
    const first = await run({ echo: 1 });
    // Given before the idle time ends and outlasting it: the worker must not be stopped under it.
    const kept = await run({ echo: 2, waitMs: 300 });
    expect(kept.threadId).toBe(first.threadId);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await run({ echo: 3 })).threadId).not.toBe(first.threadId);
  });
});
