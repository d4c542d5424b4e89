// The production server: Express in front of the React Router build (`npm start`, `npm run demo`).
// With WEB_CONCURRENCY above 1 it is a cluster: this primary forks that many workers, each running the
// whole app on the shared port, and serves nothing itself. Any process can serve any request: sessions,
// progress and published courses live in the database, compiled shipped lessons in build/content.
import "./scripts/supported-node.mjs";
import cluster from "node:cluster";
import { readdirSync } from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@react-router/express";
import compression from "compression";
import express from "express";
import { tsImport } from "tsx/esm/api";

if (cluster.isPrimary) {
  // The whole environment is checked once here, so a bad value stops the start instead of every worker.
  const { env } = await tsImport("./app/env.server.ts", import.meta.url);
  if (env.WEB_CONCURRENCY > 1) runPrimary(env.WEB_CONCURRENCY);
  else await serve();
} else await serve();

/** Keeps `count` workers running; a worker that dies is replaced, and a signal drains them all before exiting. */
function runPrimary(count) {
  let stopping = false;
  const listening = new Set();
  cluster.on("listening", (worker) => listening.add(worker.id));
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      // exit() keeps the exitCode a worker that never served has set.
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit();
      return;
    }
    // One that never came up (port taken, database unreachable) would fail again: stop rather than loop.
    if (!listening.has(worker.id)) {
      console.error(`Lan Tỏa: worker ${worker.process.pid} exited (${signal ?? code}) before serving; stopping.`);
      stopping = true;
      for (const other of Object.values(cluster.workers ?? {})) other?.process.kill("SIGTERM");
      process.exitCode = 1;
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(1);
      return;
    }
    console.error(`Lan Tỏa: worker ${worker.process.pid} exited (${signal ?? code}); starting another.`);
    cluster.fork();
  });
  for (const signal of ["SIGINT", "SIGTERM"])
    process.once(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    });
  for (let i = 0; i < count; i++) cluster.fork();
  console.log(`Lan Tỏa: ${count} worker processes (WEB_CONCURRENCY), primary ${process.pid}`);
}

async function serve() {
  const clientDir = path.resolve("build/client");
  const assetsDir = path.join(clientDir, "assets");
  const build = await import(pathToFileURL(path.resolve("build/server/index.js")).href);
  // Validated with the rest of the environment (app/env.server.ts) when the build loads.
  const { port, host, trustProxy } = build.entry.module.serverSettings;

  // Brotli (quality 11) and gzip copies made by scripts/precompress.ts at build time.
  const precompressed = new Set(readdirSync(assetsDir).filter((f) => f.endsWith(".br") || f.endsWith(".gz")));
  const encodings = [
    { name: "br", suffix: ".br" },
    { name: "gzip", suffix: ".gz" },
  ];

  /** Hashed assets never change: send the best precompressed copy the browser accepts. */
  function servePrecompressed(req, res, next) {
    const name = path.basename(req.path);
    const accepted = req.headers["accept-encoding"] ?? "";
    const encoding = encodings.find((e) => accepted.includes(e.name) && precompressed.has(name + e.suffix));
    if (!encoding || name !== req.path.slice(1)) return next();
    res.set({ "Content-Encoding": encoding.name, Vary: "Accept-Encoding", "Cache-Control": "public, max-age=31536000, immutable" });
    res.type(path.extname(name));
    res.sendFile(path.join(assetsDir, name + encoding.suffix));
  }

  const app = express();
  app.disable("x-powered-by");
  // Only a proxy named by TRUST_PROXY may set the protocol, host and client address (X-Forwarded-Proto/-Host/-For):
  // React Router compares a form post's Origin with the URL built from them, and cookies are Secure over https.
  app.set("trust proxy", trustProxy);
  const trusted = app.get("trust proxy fn");
  // @react-router/express takes the port from Host when X-Forwarded-Host has none, and Host is then the
  // proxy's upstream (127.0.0.1:3000): https://lantoa.vn:3000 would fail the origin check. Name the default port.
  app.use((req, res, next) => {
    const host = req.get("X-Forwarded-Host")?.split(",")[0]?.trim();
    if (host && !/:\d+$/.test(host) && trusted(req.socket.remoteAddress, 0)) req.headers["x-forwarded-host"] = `${host}:${req.protocol === "https" ? 443 : 80}`;
    next();
  });
  // Every response; pages add their Content-Security-Policy, with a nonce for their scripts (app/entry.server.tsx).
  app.use((req, res, next) => {
    res.set({ "X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY", "Referrer-Policy": "strict-origin-when-cross-origin" });
    if (req.secure) res.set("Strict-Transport-Security", "max-age=31536000");
    next();
  });
  app.use("/assets", servePrecompressed, express.static(assetsDir, { immutable: true, maxAge: "1y", index: false }));
  // Data and files from public/ are compressed per request (pages arrive compressed: app/http/encode-page.server.ts):
  // brotli 5 is ~8 % smaller than the default 4 for +0.1 ms; a 256 KB window, not 4 MB, halves its set-up cost.
  app.use(compression({ brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_LGWIN]: 18 } } }));
  // Files have extensions and pages do not, so pages skip the filesystem lookup (.data: page data, .pdf: certificates).
  // dotfiles: "ignore" also covers dot-folders (build/client/.vite holds the build manifest for the server).
  const servePublic = express.static(clientDir, { maxAge: "1h", index: false, dotfiles: "ignore" });
  app.use((req, res, next) => (/\.\w+$/.test(req.path) && !/\.(data|pdf)$/.test(req.path) ? servePublic(req, res, next) : next()));
  // The client's address for throttling sign-ins and certificate lookups (app/auth/client-address.ts); a value the client sent is overwritten.
  app.use((req, _res, next) => {
    req.headers["x-lantoa-client-address"] = req.ip ?? "";
    next();
  });
  app.use(createRequestHandler({ build, mode: process.env.NODE_ENV }));

  const server = app.listen(port, host, () => console.log(`Lan Tỏa: http://localhost:${port} (Node ${process.version}${cluster.isWorker ? `, worker ${process.pid}` : ""})`));
  // Finish the requests in flight, then exit (process managers, tests and the cluster's primary stop us with these
  // signals; Ctrl-C reaches a cluster's workers twice, from the terminal and from the primary).
  let closing = false;
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => closing || ((closing = true), server.close(() => process.exit(0))));
}
