#!/usr/bin/env node
// Stand-in for Prisma's native `schema-engine` binary, which cannot be downloaded on our machines.
// prisma.config.ts points PRISMA_SCHEMA_ENGINE_BINARY here; the CLI then spawns this file exactly
// as it would spawn the binary, and we forward its requests to @prisma/schema-engine-wasm, which
// reaches the database through a driver adapter (better-sqlite3 for file: URLs, pg for postgres).
//
// Protocol (as spoken by prisma 7.10's CLI):
//   one-shot:     --datasource '{"url":…}' cli <can-connect-to-database|create-database|drop-database>
//                 exit 0 = ok; failures as JSON log lines on stderr (level ERROR, fields.error_code/message)
//   long-running: --datamodels <path>… --datasource '{"url":…,"shadowDatabaseUrl"?:…}'
//                 JSON-RPC 2.0, one message per line, requests on stdin, responses on stdout.
// stdout carries protocol messages only; every log line goes to stderr.

import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as wasmBindings from "@prisma/schema-engine-wasm/schema_engine_bg";

const require = createRequire(import.meta.url);
const NO_FILTER = { externalTables: [], externalEnums: [] };

// ---------------------------------------------------------------------------------------------
// Logging: the CLI parses stderr lines as the native engine's tracing JSON.

function log(level, message, fields = {}) {
  process.stderr.write(
    JSON.stringify({
      timestamp: new Date().toISOString(),
      level,
      target: "schema_engine::logger",
      fields: { message, ...fields },
    }) + "\n",
  );
}

/** A failure the CLI can show as "P1001 …" instead of a stack trace. */
class EngineError extends Error {
  constructor(message, errorCode) {
    super(message);
    this.errorCode = errorCode;
  }
}

// ---------------------------------------------------------------------------------------------
// Datasource URLs → adapter configuration.

function parseDatasourceUrl(rawUrl) {
  if (!rawUrl) throw new EngineError("The datasource URL is empty (set DATABASE_URL).", "P1012");
  if (rawUrl.startsWith("file:")) return { kind: "sqlite", file: sqliteFilePath(rawUrl) };
  if (/^postgres(ql)?:\/\//.test(rawUrl)) return { kind: "postgres", ...pgConfig(rawUrl) };
  throw new EngineError(
    `Unsupported datasource URL scheme in "${rawUrl.split(":")[0]}:…" (expected file: or postgres(ql)://).`,
    "P1013",
  );
}

// Relative SQLite paths resolve against the engine's cwd, which the CLI sets to the directory of
// prisma.config.ts (the project root) — the same base Prisma's native engine uses.
function sqliteFilePath(rawUrl) {
  if (rawUrl.startsWith("file://")) return new URL(rawUrl.split("?")[0]).pathname;
  const file = decodeURIComponent(rawUrl.slice("file:".length).split("?")[0]);
  if (file === ":memory:") return file;
  return path.resolve(process.cwd(), file);
}

// Separate fields rather than `connectionString`: pg lets a connection string override `database`,
// which would send shadow-database work to the main database.
function pgConfig(rawUrl) {
  const u = new URL(rawUrl);
  const params = u.searchParams;
  const config = {
    host: params.get("host") ?? (decodeURIComponent(u.hostname) || "localhost"),
    port: Number(u.port || params.get("port") || 5432),
    user: decodeURIComponent(u.username) || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    database: decodeURIComponent(u.pathname.replace(/^\//, "")) || "postgres",
  };
  const sslmode = params.get("sslmode");
  if (sslmode && sslmode !== "disable") config.ssl = { rejectUnauthorized: sslmode === "verify-full" };
  return { config, schema: params.get("schema") ?? "public" };
}

const quoteIdent = (name) => `"${name.replaceAll('"', '""')}"`;

// ---------------------------------------------------------------------------------------------
// Adapter factories handed to the wasm engine. Every connection is tracked so it can be closed
// before the engine is recreated or the process exits.

const openConnections = new Set();

function track(adapter) {
  const dispose = adapter.dispose.bind(adapter);
  adapter.dispose = async () => {
    if (!openConnections.delete(adapter)) return;
    await dispose();
  };
  openConnections.add(adapter);
  return adapter;
}

async function disposeAll() {
  // Newest first: a shadow database must close before the connection that drops it.
  for (const adapter of [...openConnections].reverse()) {
    await adapter.dispose().catch((e) => log("WARN", `closing a connection failed: ${e.message}`));
  }
}

// The wasm engine replays a whole multi-statement migration.sql through executeRaw on the SQLite
// shadow database; better-sqlite3's prepare() accepts one statement only, so run those as a script.
function withScriptFallback(queryable) {
  const executeRaw = queryable.executeRaw.bind(queryable);
  queryable.executeRaw = async (query) => {
    try {
      return await executeRaw(query);
    } catch (e) {
      if (query.args.length > 0 || !/more than one statement/i.test(String(e?.message))) throw e;
      queryable.client.exec(query.sql);
      return 0;
    }
  };
  if (queryable.startTransaction) {
    const startTransaction = queryable.startTransaction.bind(queryable);
    queryable.startTransaction = async (...args) => withScriptFallback(await startTransaction(...args));
  }
  return queryable;
}

function sqliteFactory(file, shadowDatabaseUrl) {
  const inner = new PrismaBetterSqlite3(
    { url: `file:${file}` },
    shadowDatabaseUrl ? { shadowDatabaseUrl: `file:${sqliteFilePath(shadowDatabaseUrl)}` } : undefined,
  );
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => track(withScriptFallback(await inner.connect())),
    connectToShadowDb: async () => track(withScriptFallback(await inner.connectToShadowDb())),
  };
}

// @prisma/adapter-pg rejects PostgreSQL's internal "char" type (OID 18), which the engine's
// introspection queries return; report it as text. Patched in this process only, never in the app.
let charPatched = false;
function mapInternalCharToText(adapter) {
  if (charPatched) return;
  charPatched = true;
  const queryableProto = Object.getPrototypeOf(Object.getPrototypeOf(adapter));
  const performIO = queryableProto.performIO;
  queryableProto.performIO = async function (query) {
    const result = await performIO.call(this, query);
    for (const field of result?.fields ?? []) if (field.dataTypeID === 18) field.dataTypeID = 25;
    return result;
  };
}

function postgresFactory({ config, schema }, shadowDatabaseUrl) {
  const connectTo = async (cfg, sch) => {
    const adapter = await new PrismaPg(cfg, { schema: sch }).connect();
    mapInternalCharToText(adapter);
    // adapter-pg's executeScript splits the script on every ";", breaking migrations with a ";"
    // inside a string or a $$ function body. Send it whole (simple-query protocol, like psql).
    adapter.executeScript = async (script) => {
      try {
        await adapter.underlyingDriver().query(script);
      } catch (e) {
        adapter.onError(e);
      }
    };
    return track(adapter);
  };

  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: () => connectTo(config, schema),
    async connectToShadowDb() {
      if (shadowDatabaseUrl) {
        // A configured shadow database is scratch space: empty it, as the native engine does.
        const shadow = pgConfig(shadowDatabaseUrl);
        const adapter = await connectTo(shadow.config, shadow.schema);
        await adapter.executeScript(
          `DROP SCHEMA IF EXISTS ${quoteIdent(shadow.schema)} CASCADE; CREATE SCHEMA ${quoteIdent(shadow.schema)}`,
        );
        return adapter;
      }
      // A throw-away database. adapter-pg's own version drops it while its pool is still open
      // (which fails), so close the shadow pool first, then force the drop.
      const admin = await connectTo(config, schema);
      const database = `prisma_migrate_shadow_db_${randomUUID().replaceAll("-", "_")}`;
      await admin.executeScript(`CREATE DATABASE ${quoteIdent(database)}`);
      const shadow = await connectTo({ ...config, database }, "public");
      const disposeShadow = shadow.dispose;
      shadow.dispose = async () => {
        await disposeShadow();
        try {
          await admin.executeScript(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`);
        } finally {
          await admin.dispose();
        }
      };
      return shadow;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// One-shot commands (`cli …`) — they run before the long-running engine, without wasm.

async function withPgClient(config, fn) {
  const pg = require("pg");
  const client = new pg.Client(config);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function pgConnectError(e, config) {
  if (e.code === "3D000")
    return new EngineError(`Database \`${config.database}\` does not exist on the database server at \`${config.host}:${config.port}\`.`, "P1003");
  if (e.code === "28P01" || e.code === "28000")
    return new EngineError(`Authentication failed against the database server at \`${config.host}\`: ${e.message}`, "P1000");
  if (e.code === "ECONNREFUSED" || e.code === "ENOENT" || e.code === "ENOTFOUND")
    return new EngineError(`Can't reach database server at \`${config.host}:${config.port}\`.`, "P1001");
  return new EngineError(e.message, e.code && /^[0-9A-Z]{5}$/.test(e.code) ? "P1001" : undefined);
}

async function canConnect(ds) {
  if (ds.kind === "sqlite") {
    if (ds.file !== ":memory:" && !fs.existsSync(ds.file))
      throw new EngineError(`Database \`${path.basename(ds.file)}\` does not exist at \`${ds.file}\``, "P1003");
    return;
  }
  await withPgClient(ds.config, () => {}).catch((e) => {
    throw pgConnectError(e, ds.config);
  });
}

async function createDatabase(ds) {
  if (ds.kind === "sqlite") {
    fs.mkdirSync(path.dirname(ds.file), { recursive: true });
    const Database = require("better-sqlite3");
    new Database(ds.file).close();
    return path.basename(ds.file);
  }
  await withPgClient({ ...ds.config, database: "postgres" }, (c) =>
    c.query(`CREATE DATABASE ${quoteIdent(ds.config.database)}`),
  ).catch((e) => {
    throw e instanceof EngineError ? e : pgConnectError(e, ds.config);
  });
  return ds.config.database;
}

async function dropDatabase(ds) {
  if (ds.kind === "sqlite") return removeSqliteFiles(ds.file);
  await withPgClient({ ...ds.config, database: "postgres" }, (c) =>
    c.query(`DROP DATABASE IF EXISTS ${quoteIdent(ds.config.database)} WITH (FORCE)`),
  );
}

function removeSqliteFiles(file) {
  for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
}

async function runCliCommand(command, ds) {
  const commands = {
    "can-connect-to-database": () => canConnect(ds),
    "create-database": () => createDatabase(ds),
    "drop-database": () => dropDatabase(ds),
  };
  if (!commands[command]) throw new EngineError(`Unknown cli command: ${command}`);
  await commands[command]();
}

// ---------------------------------------------------------------------------------------------
// The wasm engine.

// Rust panics inside the wasm engine report their message here before the call throws.
let lastPanic = null;
globalThis.PRISMA_WASM_PANIC_REGISTRY ??= {
  set_message(message) {
    lastPanic = message;
  },
};

let wasmReady;
function loadWasm() {
  // The package entry imports the .wasm as a module, which Node cannot do: instantiate it by hand.
  wasmReady ??= (async () => {
    const wasmPath = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")), "schema_engine_bg.wasm");
    const module = await WebAssembly.compile(fs.readFileSync(wasmPath));
    const instance = await WebAssembly.instantiate(module, { "./schema_engine_bg.js": wasmBindings });
    wasmBindings.__wbg_set_wasm(instance.exports);
    instance.exports.__wbindgen_start();
    return wasmBindings;
  })();
  return wasmReady;
}

function engineLog(line) {
  // The wasm engine logs its own tracing JSON (as a string); pass it through to stderr.
  const text = typeof line === "string" ? line : JSON.stringify(line);
  process.stderr.write(text.endsWith("\n") ? text : text + "\n");
}

/** Owns the wasm engine and recreates it when a quirk requires a fresh connection. */
class EngineHost {
  #engine = null;
  constructor(datamodels, datasource, ds) {
    this.datamodels = datamodels;
    this.datasource = datasource;
    this.ds = ds;
  }

  async engine() {
    if (!this.#engine) {
      const { SchemaEngine } = await loadWasm();
      const factory =
        this.ds.kind === "sqlite"
          ? sqliteFactory(this.ds.file, this.datasource.shadowDatabaseUrl)
          : postgresFactory(this.ds, this.datasource.shadowDatabaseUrl);
      this.#engine = await SchemaEngine.new(
        { datamodels: this.datamodels },
        engineLog,
        bindMigrationAwareSqlAdapterFactory(factory),
      );
    }
    return this.#engine;
  }

  async close() {
    this.#engine?.free();
    this.#engine = null;
    await disposeAll();
  }
}

// Methods that need a workaround before or after the plain forward to the wasm engine.
const handlers = {
  async applyMigrations(host, params) {
    const result = await (await host.engine()).applyMigrations(params);
    // The engine's SQLite connection keeps a lock afterwards; release it so that the app (or the
    // seed script `migrate reset` runs next) can write to the file.
    if (host.ds.kind === "sqlite") await host.close();
    return result;
  },

  async devDiagnostic(host, params) {
    await ensureMigrationsTable(host, params);
    return (await host.engine()).devDiagnostic(params);
  },

  async diagnoseMigrationHistory(host, params) {
    await ensureMigrationsTable(host, params);
    return (await host.engine()).diagnoseMigrationHistory(params);
  },

  async evaluateDataLoss(host, params) {
    await primeShadowDatabase(host, params);
    return (await host.engine()).evaluateDataLoss(params);
  },

  async createMigration(host, params) {
    await primeShadowDatabase(host, params);
    return (await host.engine()).createMigration(params);
  },

  async reset(host, params) {
    if (host.ds.kind !== "sqlite") return (await host.engine()).reset(params);
    // The wasm engine only empties SQLite tables; Prisma's reset means a fresh database file.
    await host.close();
    removeSqliteFiles(host.ds.file);
    await createDatabase(host.ds);
    return {};
  },

  async diff(host, params, rpc) {
    // The native engine prints the diff through a `print` request to the CLI, not as a result.
    const result = await (await host.engine()).diff(params);
    // The CLI adds the final newline itself.
    const content = result.stdout?.replace(/\n+$/, "");
    if (content) await rpc.request("print", { content });
    return { exitCode: result.exitCode };
  },

  async createDatabase(host, params) {
    const url = params?.datasource?.url ?? host.datasource.url;
    return { databaseName: await createDatabase(parseDatasourceUrl(url)) };
  },

  async getDatabaseVersion(host) {
    return (await host.engine()).version();
  },
};

// devDiagnostic / diagnoseMigrationHistory fail while `_prisma_migrations` does not exist;
// applying an empty migration list creates it.
async function ensureMigrationsTable(host, params) {
  await (await host.engine()).applyMigrations({
    migrationsList: { ...params.migrationsList, migrationDirectories: [] },
    filters: params.filters ?? NO_FILTER,
  });
}

// createMigration / evaluateDataLoss only get a shadow database once devDiagnostic has run on
// the current engine after the pending migrations were applied.
async function primeShadowDatabase(host, params) {
  await handlers.devDiagnostic(host, { migrationsList: params.migrationsList, filters: params.filters ?? NO_FILTER });
}

// ---------------------------------------------------------------------------------------------
// JSON-RPC over stdin/stdout.

function toRpcError(e) {
  const parsed = parseEngineError(e);
  return {
    code: -32000,
    message: parsed.message,
    data: { message: parsed.message, error_code: parsed.errorCode, is_panic: parsed.isPanic ?? false, meta: parsed.meta },
  };
}

// Wasm errors are Errors named e.g. SchemaConnectorError, with the Prisma error code in `code` and a
// Rust span trace appended to the message: keep the message, and the migration name from the trace.
function parseEngineError(e) {
  if (e instanceof EngineError) return { message: e.message, errorCode: e.errorCode };
  if (e instanceof WebAssembly.RuntimeError) {
    // Reported as a plain error (not is_panic) so the CLI prints it instead of offering a bug report.
    const message = `Schema engine (wasm) panicked: ${lastPanic ?? e.message}`;
    lastPanic = null;
    return { message };
  }
  if (!(e instanceof Error)) return { message: typeof e === "object" ? JSON.stringify(e) : String(e) };
  if (process.env.DEBUG) return { message: e.stack ?? e.message, errorCode: e.code };
  const [message, trace = ""] = e.message.split(/\n(?=\s+0: )/);
  const migration = /migration_name="([^"]+)"/.exec(trace)?.[1];
  return {
    message: migration ? `${message}\n\nMigration name: ${migration}` : message,
    errorCode: typeof e.code === "string" && /^P\d{4}$/.test(e.code) ? e.code : undefined,
  };
}

function serveJsonRpc(host) {
  const write = (message) => process.stdout.write(JSON.stringify(message) + "\n");
  const pending = new Map();
  let nextId = 1;
  const rpc = {
    request(method, params) {
      const id = `engine-${nextId++}`;
      write({ jsonrpc: "2.0", id, method, params });
      return new Promise((resolve) => pending.set(id, resolve));
    },
  };

  // The wasm engine is not re-entrant: handle requests one at a time, in order.
  let queue = Promise.resolve();
  const handle = async (request) => {
    const { id, method, params } = request;
    try {
      const handler = handlers[method];
      let result;
      if (handler) result = await handler(host, params, rpc);
      else {
        const engine = await host.engine();
        if (typeof engine[method] !== "function")
          throw new EngineError(`The wasm schema engine does not implement "${method}".`);
        result = await engine[method](params);
      }
      write({ jsonrpc: "2.0", id, result: result ?? {} });
    } catch (e) {
      const error = toRpcError(e);
      log("ERROR", `${method} failed: ${error.message}`);
      write({ jsonrpc: "2.0", id, error });
      // After a panic the wasm instance is unusable: start a fresh one for the next request.
      if (e instanceof WebAssembly.RuntimeError) await host.close().catch(() => {});
    }
  };

  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on("line", (line) => {
    if (!line.trim()) return;
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      write({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } });
      return;
    }
    if (message.method === undefined) {
      // A response to one of our own requests (the CLI acknowledging a `print`).
      pending.get(message.id)?.(message.result);
      pending.delete(message.id);
      return;
    }
    queue = queue.then(() => handle(message));
  });
  // The CLI ends stdin to stop the engine: finish the queue, close connections, exit.
  lines.on("close", () => {
    queue
      .then(() => host.close())
      .catch((e) => log("WARN", `shutdown: ${e.message}`))
      .finally(() => process.exit(0));
  });
}

// ---------------------------------------------------------------------------------------------
// Entry point.

function parseArgs(argv) {
  const args = { datamodels: [], datasource: null, cli: null, version: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--datamodels") args.datamodels.push(argv[++i]);
    else if (arg === "--datasource") args.datasource = JSON.parse(argv[++i]);
    else if (arg === "--enabled-preview-features" || arg === "--extension-types") i++;
    else if (arg === "--version" || arg === "-V") args.version = true;
    else if (arg === "cli") args.cli = argv[++i];
  }
  return args;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.version) {
    const { version } = await loadWasm();
    process.stdout.write(`schema-engine-cli ${version()} (wasm)\n`);
    return;
  }
  // The CLI skips the first stderr line of a one-shot run and parses the rest as JSON log lines.
  if (args.cli) log("INFO", `schema-engine (wasm) cli ${args.cli}`);
  if (!args.datasource?.url) throw new EngineError("Missing --datasource '{\"url\": …}'.", "P1012");

  if (args.cli) {
    await runCliCommand(args.cli, parseDatasourceUrl(args.datasource.url));
    return;
  }
  const ds = parseDatasourceUrl(args.datasource.url);
  // Commands such as `migrate diff` start the engine without --datamodels, but the wasm engine
  // panics without a schema: give it a bare datasource block for the URL's provider.
  const datamodels = args.datamodels.length
    ? args.datamodels.map((file) => [file, fs.readFileSync(file, "utf8")])
    : [["schema.prisma", `datasource db {\n  provider = "${ds.kind === "sqlite" ? "sqlite" : "postgresql"}"\n}\n`]];
  serveJsonRpc(new EngineHost(datamodels, args.datasource, ds));
}

// Panics can also surface outside a request's promise chain; report them like the native engine.
process.on("uncaughtException", (e) => {
  log("ERROR", parseEngineError(e).message);
  process.exit(101);
});

main().catch((e) => {
  const { message, errorCode } = parseEngineError(e);
  log("ERROR", message, errorCode ? { error_code: errorCode } : {});
  process.exitCode = 1;
});
