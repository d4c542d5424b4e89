import type { importMessages } from "#app/i18n/vi/import.ts";

export type ImportMessage = { key: keyof typeof importMessages; params?: Record<string, string | number> };

/** A problem with the whole file (not one row): nothing in it is imported. */
export class ImportFileError extends Error {
  constructor(readonly problem: ImportMessage) {
    super(problem.key);
  }
}
