// One compile worker (compile-pool.server.ts starts them). Plain JavaScript, so that Node starts it the
// same way under the dev server, under tsx and from the production build, which bundles the rest of the
// app into one file; tsx then loads the compiler's TypeScript from app/.
import { parentPort } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { bundleLesson } = await import("./compile-bundle.server.ts");

parentPort.on("message", async ({ body, idPrefix }) => {
  try {
    parentPort.postMessage({ outcome: await bundleLesson(body, idPrefix) });
  } catch (error) {
    parentPort.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
parentPort.postMessage({ ready: true });
