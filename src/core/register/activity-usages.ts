import { eq } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import { activities } from "../../../db/schema.ts";
import type { Db } from "../kernel/ports/store.ts";
import { displayName } from "./rows.ts";

/** The activities that link to a catalogue entry through `link`, named for a "still used by" message. */
export async function activitiesUsing(
  db: Db,
  link: { table: SQLiteTable; activityId: SQLiteColumn; target: SQLiteColumn },
  id: string,
): Promise<string[]> {
  const rows = await db
    .select({ name: activities.name })
    .from(link.table)
    .innerJoin(activities, eq(activities.id, link.activityId))
    .where(eq(link.target, id));
  return rows.map((r) => `processing activity "${displayName(r.name)}"`);
}
