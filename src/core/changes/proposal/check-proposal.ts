import { activities } from "../../../../db/schema.ts";
import type { Ctx } from "../../kernel/context.ts";
import type { FieldIssue } from "../../kernel/errors.ts";
import { isInEea } from "../../kernel/values/countries.ts";
import { chainReaches, checkDuplicates, checkReferences, type SubProcessor, subProcessorKind } from "../../register/index.ts";
import type { ChangeProposalInput } from "../model/sub-processor-change.ts";
import { throwIfIssues, withNulls } from "../../kernel/input/parse-input.ts";

export interface CheckedProposal {
  /** The affected activities, defaulted from the sub-processor concerned where not given. */
  activityIds: string[];
  /** The existing vendor the change is about (null for a new vendor). */
  vendor: SubProcessor | null;
  replaced: SubProcessor | null;
  /** Every existing sub-processor the change touches. */
  subProcessorIds: string[];
}

/**
 * References and rules a proposal must satisfy, each issue on its field: the
 * sub-processors exist and are in a state the kind of change applies to, the
 * activities exist and are served where they must be, and the result would
 * be a valid active sub-processor (a vendor outside the EEA needs a transfer
 * mechanism before it can take effect by itself).
 */
export async function checkProposal(ctx: Ctx, input: ChangeProposalInput): Promise<CheckedProposal> {
  const db = ctx.store.db;
  const ids = [input.subProcessorId, input.replacesId].filter((id): id is string => !!id);
  const loaded = await subProcessorKind.load(db, ids);
  const live = (id: string | undefined) => loaded.find((s) => s.id === id && !s.archivedAt) ?? null;
  const vendor = live(input.subProcessorId);
  const replaced = live(input.replacesId);
  const issues: FieldIssue[] = [];
  if (input.subProcessorId && !vendor)
    issues.push({ path: "subProcessorId", message: `No sub-processor with id ${input.subProcessorId} (or it is archived).` });
  if (input.replacesId && !replaced)
    issues.push({ path: "replacesId", message: `No sub-processor with id ${input.replacesId} (or it is archived).` });
  throwIfIssues(issues);

  const concerned = input.kind === "replace" ? replaced : input.kind === "add" ? null : vendor;
  if (concerned && concerned.status !== "active") {
    issues.push({
      path: input.kind === "replace" ? "replacesId" : "subProcessorId",
      message: `${concerned.legalName} is ${concerned.status}, not an active sub-processor.`,
    });
  }
  if (input.kind === "replace" && input.replacesId && input.replacesId === input.subProcessorId) {
    issues.push({ path: "replacesId", message: "A sub-processor cannot replace itself." });
  }
  const activityIds = input.activityIds ?? concerned?.activityIds ?? [];
  if (activityIds.length === 0) issues.push({ path: "activityIds", message: "The change concerns no processing activity." });
  issues.push(
    ...(await checkReferences(
      db,
      { table: activities, id: activities.id, archivedAt: activities.archivedAt, label: "processing activity" },
      "activityIds",
      activityIds,
    )),
    ...checkDuplicates("activityIds", activityIds),
  );
  if (concerned) {
    activityIds.forEach((id, i) => {
      if (!concerned.activityIds.includes(id))
        issues.push({ path: `activityIds.${i}`, message: `${concerned.legalName} does not serve activity ${id}.` });
    });
  }
  if (input.kind === "add" && vendor?.status === "active" && activityIds.every((id) => vendor.activityIds.includes(id))) {
    issues.push({ path: "activityIds", message: `${vendor.legalName} already serves every activity named.` });
  }
  if (input.kind === "change_locations" && vendor && input.locations) {
    const key = (ls: { country: string; region?: string }[]) => JSON.stringify(ls.map((l) => [l.country, l.region ?? ""]).sort());
    if (key(input.locations) === key(vendor.locations)) issues.push({ path: "locations", message: "These are already its locations." });
    const outside = input.locations.filter((l) => !isInEea(l.country));
    if (outside.length > 0 && !(input.transferMechanism ?? vendor.transferMechanism)) {
      issues.push({
        path: "transferMechanism",
        message: `Locations outside the EEA (${outside.map((l) => l.country).join(", ")}) need a transfer mechanism.`,
      });
    }
  }
  if (input.kind === "change_chain" && vendor) issues.push(...(await chainIssues(ctx, vendor, input.parentId ?? null)));
  if (input.vendor) {
    // The vendor will become active by itself, so it must already satisfy an active sub-processor's rules.
    const asActive = withNulls(subProcessorKind.input.shape, { ...input.vendor, status: "active" as const, activityIds });
    const vendorIssues = await subProcessorKind.check(db, asActive, ctx.newId());
    // Activity references were checked above, once.
    issues.push(...vendorIssues.filter((i) => !i.path.startsWith("activityIds")).map((i) => ({ ...i, path: `vendor.${i.path}` })));
  }
  throwIfIssues(issues);
  return { activityIds, vendor, replaced, subProcessorIds: ids };
}

/** A new parent must be another active sub-processor, not one engaged (directly or not) by the vendor itself, and not the present one. */
async function chainIssues(ctx: Ctx, vendor: SubProcessor, parentId: string | null): Promise<FieldIssue[]> {
  if (parentId === (vendor.parentId ?? null)) {
    return [{ path: "parentId", message: parentId ? "That sub-processor already engages it." : "It is already engaged directly." }];
  }
  if (parentId === null) return [];
  const [parent] = await subProcessorKind.load(ctx.store.db, [parentId]);
  if (!parent || parent.archivedAt) return [{ path: "parentId", message: `No sub-processor with id ${parentId} (or it is archived).` }];
  if (parent.status !== "active")
    return [{ path: "parentId", message: `${parent.legalName} is ${parent.status}, not an active sub-processor.` }];
  if (parentId === vendor.id || (await chainReaches(ctx.store.db, parentId, vendor.id))) {
    return [{ path: "parentId", message: "A sub-processor cannot be in its own chain of sub-processors." }];
  }
  return [];
}
