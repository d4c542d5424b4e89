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

/** Asks the active worker and waits for its answer; installs it first if the page came before it. */
export async function askWorker<T>(message: WorkerMessage): Promise<T> {
  if (!navigator.serviceWorker.controller) void navigator.serviceWorker.register("/sw.js", { scope: "/" });
  const { active } = await navigator.serviceWorker.ready;
  const channel = new MessageChannel();
  const answer = new Promise<T>((resolve) => (channel.port1.onmessage = (event) => resolve(event.data as T)));
  active!.postMessage(message, [channel.port2]);
  return answer;
}
