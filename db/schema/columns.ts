// Column helpers shared by the schema's tables (not tables themselves, so db/schema.ts does not re-export them).
import { integer, text } from "drizzle-orm/sqlite-core";

/** A JSON text column holding a value of type T. */
export const json = <T>(name: string) => text(name, { mode: "json" }).$type<T>();

/** Columns every register entity carries: optimistic-lock revision and timestamps. */
export const tracked = {
  revision: integer("revision").notNull(),
  createdAt: text("created_at").notNull(),
  updatedAt: text("updated_at").notNull(),
};
