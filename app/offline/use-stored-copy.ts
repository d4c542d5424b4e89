import { useEffect, useState } from "react";
import type { WorkerMessage } from "./sw-responses.ts";
import { askWorker, registerWorkerWhenIdle, serveThisPage } from "./worker-client.ts";

type Store = Extract<WorkerMessage, { type: "download" | "store-form" }>;
type Forget = Extract<WorkerMessage, { type: "remove" | "forget-form" }>;
type List = Extract<WorkerMessage, { type: "downloads" | "forms" }>;

/**
 * A copy the service worker keeps on the phone (a course, a unit's class form), for a box that offers to keep,
 * update or remove it. Null `supported` until the browser shows it has a worker: the server renders no box.
 * Keeping waits until the worker serves this page, so that what is done on it offline is queued ("notServed" if not).
 */
export function useStoredCopy<T>(list: List, pick: (copies: T[]) => T | null, key: string) {
  const [supported, setSupported] = useState(false);
  const [copy, setCopy] = useState<T | null>(null);
  const [state, setState] = useState<"idle" | "busy" | "failed" | "notServed">("idle");

  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    setSupported(true);
    registerWorkerWhenIdle();
    // Only a worker already in charge knows of copies: asking would otherwise install it on every first visit.
    if (navigator.serviceWorker.controller) void askWorker<T[]>(list).then((copies) => setCopy(pick(copies)));
  }, [key]); // `key` names what `list` and `pick` look for

  const run = async (message: Store | Forget) => {
    setState("busy");
    if ((message.type === "download" || message.type === "store-form") && !(await serveThisPage())) return setState("notServed");
    const copies = await askWorker<T[] | null>(message);
    setState(copies ? "idle" : "failed");
    if (copies) setCopy(pick(copies));
  };
  return { supported, copy, state, run };
}
