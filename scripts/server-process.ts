// How the production server process starts, for the scripts that spawn it (demo, bench). package.json's
// "start" spells the same command; tests/unit/server-process.test.ts keeps the two equal.
// A 32 MB young generation (V8's default is 16 MB): a page allocates a lot that dies at once, and
// fewer scavenges gave ~8 % more lesson pages per second (`npm run bench`).
export const serverNodeArgs = ["--max-semi-space-size=32", "server.mjs"];
