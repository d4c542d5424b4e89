// How the production server process starts, for the scripts that spawn it (demo, bench). package.json's
// "start" spells the same command; tests/unit/server-process.test.ts keeps the two equal.
// Semi-spaces of 32 MB instead of V8's 16 MB, so the young generation may grow to about twice its
// default (≈ 48 MB more memory at most): a page allocates a lot that dies at once, and fewer scavenges
// gave ~8 % more lesson pages per second (`npm run bench`).
export const serverNodeArgs = ["--max-semi-space-size=32", "server.mjs"];
