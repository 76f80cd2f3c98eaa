// What drizzle's dialect-neutral modules import from its Postgres code (wrangler.toml [alias] of
// drizzle's own "../pg-core/columns/enum.js" and "./pg-core/primary-keys.js"), which would otherwise
// bring Postgres' column classes into the Worker. The same checks, without them: a Postgres enum is
// never among SQLite's query chunks, and a Postgres primary key builder never among a SQLite
// table's extra config (drizzle tells them apart by this entity kind).
import { entityKind } from "drizzle-orm";

const isPgEnumSym = Symbol.for("drizzle:isPgEnum");

/** drizzle's isPgEnum, as pg-core/columns/enum.js has it. */
export function isPgEnum(obj: unknown): boolean {
  return !!obj && typeof obj === "function" && isPgEnumSym in obj && (obj as unknown as Record<symbol, unknown>)[isPgEnumSym] === true;
}

/** The entity drizzle's relations compare a table's extra config with; nothing here builds one. */
export class PrimaryKeyBuilder {
  static readonly [entityKind] = "PgPrimaryKeyBuilder";
  readonly columns: unknown[];
  readonly name: string | undefined;
  constructor(columns: unknown[], name?: string) {
    this.columns = columns;
    this.name = name;
  }
}
