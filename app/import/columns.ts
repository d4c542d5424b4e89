import { normalizeEmail, normalizePhone } from "#app/people/contact.ts";
import { parseCellDay } from "#app/org/days.ts";
import type { ImportMessage } from "./file-error.ts";

/** A column of an import file: the Vietnamese header the template has, and an example value for it. */
export type Column = { key: string; header: string; required?: boolean; example: string };

export type RowError = { row: number; column: string; message: ImportMessage };

/** Header text as people retype it: any case, extra spaces, a trailing "*" for required columns. */
export const headerKey = (text: string) => text.normalize("NFC").toLowerCase().replace(/\*/g, "").replace(/\s+/g, " ").trim();

/** Reads one row's cells by column key and collects its problems, each with its column's header. */
export class RowReader<K extends string> {
  readonly errors: RowError[] = [];
  constructor(
    readonly row: number,
    private readonly columns: readonly (Column & { key: K })[],
    private readonly values: Record<K, string>,
  ) {}

  fail(key: K, message: ImportMessage) {
    this.errors.push({ row: this.row, column: this.columns.find((c) => c.key === key)!.header, message });
    return undefined;
  }

  /** The cell's text; "" when the column is absent or the cell empty. */
  raw(key: K) {
    return this.values[key] ?? "";
  }

  text(key: K, max = 200) {
    const value = this.raw(key);
    if (value === "") return this.columns.find((c) => c.key === key)?.required ? this.fail(key, { key: "import.error.required" }) : undefined;
    return value.length > max ? this.fail(key, { key: "import.error.text", params: { max } }) : value;
  }

  day(key: K) {
    const value = this.text(key, 20);
    if (value === undefined) return undefined;
    return parseCellDay(value) ?? this.fail(key, { key: "import.error.date" });
  }

  /** One of a closed list, matched on its Vietnamese label (any case) or its key. */
  choice<V extends string>(key: K, choices: Record<string, V>, shown: string) {
    const value = this.text(key, 50);
    if (value === undefined) return undefined;
    const found = choices[headerKey(value)];
    return found ?? this.fail(key, { key: "import.error.choice", params: { choices: shown } });
  }

  phone(key: K) {
    const value = this.text(key, 30);
    return value === undefined ? undefined : (normalizePhone(value) ?? this.fail(key, { key: "import.error.phone" }));
  }

  email(key: K) {
    const value = this.text(key, 200);
    return value === undefined ? undefined : (normalizeEmail(value) ?? this.fail(key, { key: "import.error.email" }));
  }

  /** A value that must be unique in the file: the second row with it is an error naming the first. */
  unique(key: K, value: string | undefined, seen: Map<string, number>) {
    if (value === undefined) return;
    const id = `${key}:${value}`;
    const first = seen.get(id);
    if (first === undefined) seen.set(id, this.row);
    else this.fail(key, { key: "import.error.duplicate", params: { row: first } });
  }
}
