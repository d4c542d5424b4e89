import type { Server } from "./server.ts";

/**
 * Runs a bench or test script's main(), which may start a server: a failure is one line and exit code 1,
 * and the server is stopped either way (on an abrupt exit too).
 */
export async function runWithServer(name: string, main: () => Promise<void>, server: () => Server | undefined) {
  process.on("exit", () => server()?.stop());
  try {
    await main();
  } catch (error) {
    console.error(`\n${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    await server()?.stopAndWait();
  }
}
