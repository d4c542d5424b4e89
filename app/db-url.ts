import path from "node:path";

// Apart from db.server.ts, which opens the database on import: the backup scripts must not hold it open.
export function isPostgresUrl(url: string) {
  return /^postgres(ql)?:\/\//.test(url);
}

export function sqliteFilePath(url: string) {
  return path.resolve(url.replace(/^file:/, ""));
}
