import { asc, eq, gt } from "drizzle-orm";
import { z } from "zod";
import { breaches } from "../../../db/schema.ts";
import type { Ctx } from "../kernel/context.ts";
import { notFound } from "../kernel/errors.ts";
import { parseInput } from "../kernel/input/parse-input.ts";
import { type Page, pageFields, toPage } from "../kernel/paging.ts";
import type { Db } from "../kernel/ports/store.ts";
import { Id } from "../kernel/values/values.ts";
import type { Breach } from "./model.ts";

export const BreachListQuery = z.strictObject({ ...pageFields({ max: 500, default: 50, cursor: Id }) });

export async function findBreach(db: Db, id: string): Promise<Breach> {
  const [row] = await db.select().from(breaches).where(eq(breaches.id, id));
  if (!row) throw notFound("breach", id);
  return row;
}

export const getBreach = (ctx: Ctx, id: string): Promise<Breach> => findBreach(ctx.store.db, id);

/** The register of breaches (Art. 33(5)), oldest first. */
export async function listBreaches(ctx: Ctx, raw: Record<string, string>): Promise<Page<Breach>> {
  const q = parseInput(BreachListQuery, raw);
  const rows = await ctx.store.db
    .select()
    .from(breaches)
    .where(q.cursor ? gt(breaches.id, q.cursor) : undefined)
    .orderBy(asc(breaches.id))
    .limit(q.limit + 1);
  return toPage(rows, q.limit);
}
