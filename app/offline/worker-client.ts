import type { WorkerMessage } from "./sw-responses.ts";

/**
 * Installs the service worker once the page has loaded and the browser is idle. Only the catalog, the course page
 * and the download button call it: a lesson opened cold by a link never fetches the worker, and once installed it
 * serves lessons too.
 */
export function registerWorkerWhenIdle() {
  if (!("serviceWorker" in navigator)) return;
  const register = () => void navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => undefined);
  const idle = () => ("requestIdleCallback" in window ? requestIdleCallback(register) : setTimeout(register, 1000));
  if (document.readyState === "complete") idle();
  else addEventListener("load", idle, { once: true });
}

/** The active worker, once there is one; installs it first if the page came before it. */
async function activeWorker() {
  if (!navigator.serviceWorker.controller) void navigator.serviceWorker.register("/sw.js", { scope: "/" });
  return (await navigator.serviceWorker.ready).active!;
}

/** Asks the active worker and waits for its answer. */
export async function askWorker<T>(message: WorkerMessage): Promise<T> {
  const active = await activeWorker();
  const channel = new MessageChannel();
  const answer = new Promise<T>((resolve) => (channel.port1.onmessage = (event) => resolve(event.data as T)));
  active.postMessage(message, [channel.port2]);
  return answer;
}

/**
 * Waits until the worker serves this page, so that what the learner does here offline is queued: the worker claims
 * the pages open as it activates, and is asked again in case this one was left out. False if it still does not
 * after `ms` (the page then has to be opened again).
 */
export async function serveThisPage(ms = 15_000): Promise<boolean> {
  const container = navigator.serviceWorker;
  if (container.controller) return true;
  const served = new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(Boolean(container.controller)), ms);
    container.addEventListener("controllerchange", () => (clearTimeout(timer), resolve(true)), { once: true });
  });
  (await activeWorker()).postMessage({ type: "claim" } satisfies WorkerMessage);
  return served;
}
