import { enqueue, type QueuedWrite } from "./queue.ts";

/**
 * The service worker's IndexedDB: the queue of writes made offline (one record per idempotency key) and a few
 * facts to keep across restarts (who was last signed in, which courses and class forms are stored).
 */
const name = "lantoa-offline";

function open() {
  return new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore("writes", { keyPath: "key" });
      request.result.createObjectStore("facts");
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run<T>(store: "writes" | "facts", mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T> | void): Promise<T | undefined> {
  const db = await open();
  try {
    return await new Promise<T | undefined>((resolve, reject) => {
      const transaction = db.transaction(store, mode);
      const request = work(transaction.objectStore(store));
      transaction.oncomplete = () => resolve(request?.result);
      transaction.onerror = () => reject(transaction.error);
    });
  } finally {
    db.close();
  }
}

export const allWrites = async () => (await run<QueuedWrite[]>("writes", "readonly", (s) => s.getAll())) ?? [];

/** Adds the write unless its key already waits (one transaction, so two posts at once keep one). */
export async function addWrite(write: QueuedWrite): Promise<boolean> {
  const db = await open();
  try {
    return await new Promise<boolean>((resolve, reject) => {
      const transaction = db.transaction("writes", "readwrite");
      const store = transaction.objectStore("writes");
      let added = false;
      const existing = store.get(write.key);
      existing.onsuccess = () => {
        added = enqueue(existing.result ? [existing.result as QueuedWrite] : [], write).added;
        if (added) store.add(write);
      };
      transaction.oncomplete = () => resolve(added);
      transaction.onerror = () => reject(transaction.error);
    });
  } finally {
    db.close();
  }
}

export const putWrite = (write: QueuedWrite) => run("writes", "readwrite", (s) => void s.put(write));
export const deleteWrite = (key: string) => run("writes", "readwrite", (s) => void s.delete(key));

export type Download = { slug: string; title: string; version: number; bytes: number; savedAt: number };
/** A unit's class form kept for recording offline: `storedKey` is the idempotency key in the stored page, `key` the one it is shown with now. */
export type StoredForm = { unitId: string; bytes: number; savedAt: number; storedKey: string; key: string };
type Facts = { userId: string | null; downloads: Download[]; forms: StoredForm[] };

export async function readFact<K extends keyof Facts>(key: K): Promise<Facts[K] | undefined> {
  return run<Facts[K]>("facts", "readonly", (s) => s.get(key) as IDBRequest<Facts[K]>);
}
export const writeFact = <K extends keyof Facts>(key: K, value: Facts[K]) => run("facts", "readwrite", (s) => void s.put(value, key));
