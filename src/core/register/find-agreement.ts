import { eq } from "drizzle-orm";
import { agreements } from "../../../db/schema.ts";
import type { Ctx } from "../context.ts";
import { AppError } from "../errors.ts";
import { Id } from "../model/values.ts";

/** An agreement named by its id or by its reference (e.g. CF-DPA-2024-001), as people and scheduled jobs name it. */
export async function findAgreementId(ctx: Ctx, idOrReference: string): Promise<string> {
  if (Id.safeParse(idOrReference).success) return idOrReference;
  const [row] = await ctx.store.db.select({ id: agreements.id }).from(agreements).where(eq(agreements.reference, idOrReference));
  if (!row) throw new AppError("not_found", `No agreement with id or reference "${idOrReference}".`);
  return row.id;
}
