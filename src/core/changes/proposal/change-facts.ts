import { inArray } from "drizzle-orm";
import { activities } from "../../../../db/schema.ts";
import type { Ctx } from "../../kernel/context.ts";
import { AppError } from "../../kernel/errors.ts";
import { type SubProcessor, subProcessorKind } from "../../register/index.ts";
import type { SubProcessorChange } from "../model/sub-processor-change.ts";
import type { LocalizedText } from "../../kernel/values/values.ts";
import { loadOrganisation } from "../../organisation/index.ts";
import type { ChangeFacts } from "../announcement/mail-text.ts";

/** Names of the activities, in the order given. */
export async function activityNames(ctx: Ctx, ids: string[]): Promise<LocalizedText[]> {
  if (ids.length === 0) return [];
  const rows = await ctx.store.db.select({ id: activities.id, name: activities.name }).from(activities).where(inArray(activities.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r.name]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** The organisation's profile, which every notice is signed with; announcing without it would send unsigned mail. */
export async function requireOrganisation(ctx: Ctx) {
  const organisation = await loadOrganisation(ctx.store.db);
  if (!organisation) {
    throw new AppError(
      "conflict",
      "Set up the organisation profile (PUT /api/v1/organisation) before announcing changes: notices name the processor and its DPO.",
    );
  }
  return organisation;
}

/** What notices and messages about a stored change say. */
export async function loadFacts(ctx: Ctx, change: SubProcessorChange): Promise<ChangeFacts> {
  const ids = [change.subProcessorId, ...(change.replacesId ? [change.replacesId] : []), ...(change.parentId ? [change.parentId] : [])];
  const vendors = await subProcessorKind.load(ctx.store.db, ids);
  const vendor = vendors.find((v) => v.id === change.subProcessorId) as SubProcessor;
  const replaced = change.replacesId ? (vendors.find((v) => v.id === change.replacesId) ?? null) : null;
  const parent = change.parentId ? (vendors.find((v) => v.id === change.parentId) ?? null) : null;
  return {
    change,
    vendor,
    replaced,
    parent,
    activityNames: await activityNames(ctx, change.activityIds),
    organisation: await requireOrganisation(ctx),
  };
}
