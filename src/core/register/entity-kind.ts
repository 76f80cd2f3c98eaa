import type { SQL } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { z } from "zod";
import type { FieldIssue } from "../kernel/errors.ts";
import type { Db, Statement, Store } from "../kernel/ports/store.ts";
import type { NamedRecord } from "./named-records.ts";

/** The bookkeeping fields the register sets on every entity. */
export interface EntityMeta {
  id: string;
  revision: number;
  createdAt: string;
  updatedAt: string;
  archivedAt?: string | null;
}

/**
 * Everything the generic use cases (create, update, archive, delete, list)
 * need to know about one kind of register entity. Each kind lives in its own
 * file next to this one.
 */
export interface EntityKind<E extends EntityMeta, I extends object, F extends object = object> {
  /** Name in audit entries, e.g. "data_category". */
  type: string;
  /** Name in messages, e.g. "data category". */
  label: string;
  input: z.ZodObject & z.ZodType<I>;
  output: z.ZodType<E>;
  filter: z.ZodObject & z.ZodType<F>;
  table: SQLiteTable;
  columns: { id: SQLiteColumn; revision: SQLiteColumn; archivedAt?: SQLiteColumn };
  /** Catalogue entries are deleted when unused; records are archived and kept. */
  removal: "delete" | "archive";
  /** Loads entities by id, in the order of `ids`, skipping unknown ids. */
  load(db: Db, ids: string[]): Promise<E[]>;
  /** SQL conditions for a list filter. */
  where(db: Db, filter: F): SQL[];
  /** References and business rules an input must satisfy; empty when valid. */
  check(db: Db, input: I, id: string): Promise<FieldIssue[]>;
  /** Statements that store `entity` (insert when new, else replace its row and links). */
  write(store: Store, entity: E, isNew: boolean): Statement[];
  toInput(entity: E): I;
  /** Values of fields the register manages itself (not part of the input), for a new entity. */
  managedDefaults?: Partial<E>;
  /** Set for records people also name by a reference: paths take it wherever they take the id. */
  named?: NamedRecord;
  /** Filter fields naming such records; each takes a reference as well as an id. */
  namedFilters?: { [K in keyof F]?: NamedRecord };
  /**
   * Fields a direct create (`before` null) or edit may not change because they
   * follow a workflow (what customers were promised); empty when it may go ahead.
   * Corrections by an admin, with a reason, are not held by it.
   */
  directWriteIssues?(db: Db, before: E | null, after: I): Promise<FieldIssue[]>;
  /** Why the entity may not be archived directly, or null when it may. */
  archiveRefusal?(db: Db, entity: E): Promise<string | null>;
  /** Human descriptions of what still refers to the entity, blocking deletion. */
  usages?(db: Db, id: string): Promise<string[]>;
}

// The registry stores kinds of different entity types side by side.
// biome-ignore lint: heterogeneous collection of generic kinds
export type AnyEntityKind = EntityKind<any, any, any>;
