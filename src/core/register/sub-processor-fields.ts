import { and, eq, inArray, or } from "drizzle-orm";
import { subProcessorChanges } from "../../../db/schema.ts";
import type { FieldIssue } from "../kernel/errors.ts";
import type { SubProcessor, SubProcessorInput } from "./model/sub-processor.ts";
import type { ChangeStatus } from "../kernel/values/values.ts";
import type { Db } from "../kernel/ports/store.ts";

/**
 * How each field of a sub-processor may change. Customers were promised which
 * vendors process their data, where, under which transfer mechanism, for which
 * processing and through which chain (GDPR Art. 28(2), SCC clause 7.7): those
 * fields change only through a sub-processor change, which notifies them and
 * runs their objection windows. The rest describes the vendor and may be edited.
 * The type makes a new field a compile error until its path is decided here.
 */
export const SUB_PROCESSOR_FIELD_PATHS: Record<keyof SubProcessorInput, "edit" | "workflow"> = {
  legalName: "edit",
  reference: "edit",
  companyNumber: "edit",
  address: "edit",
  contact: "edit",
  service: "edit",
  processingDescription: "edit",
  status: "workflow",
  locations: "workflow",
  transferMechanism: "workflow",
  activityIds: "workflow",
  parentId: "workflow",
};

const CHANGES = "POST /api/v1/sub-processor-changes";

/** Where each workflow field's change goes instead, for the refusal. */
const WORKFLOW_ROUTE: Record<string, string> = {
  status: `It follows the change workflow: a new vendor starts as proposed and becomes active when a change bringing it in takes effect; one leaves through a change of kind remove (${CHANGES}).`,
  locations: `Customers were told where this vendor processes their data: propose a change of kind change_locations (${CHANGES}), which notifies them.`,
  transferMechanism: `Customers were told under which safeguard their data leaves the EEA: propose a change of kind change_locations with the new transferMechanism (${CHANGES}).`,
  activityIds: `Customers were told which processing this vendor serves: propose a change of kind add for more activities or remove for fewer (${CHANGES}).`,
  parentId: `Customers were told the chain of sub-processors: propose a change of kind change_chain (${CHANGES}), which notifies them.`,
};

/** The issues of a direct create or edit that would change what customers were promised; empty when it may go ahead. */
export async function directEditIssues(db: Db, before: SubProcessor | null, after: SubProcessorInput): Promise<FieldIssue[]> {
  if (!before) {
    return after.status === "proposed"
      ? []
      : [{ path: "status", message: `A new sub-processor is recorded as proposed. ${WORKFLOW_ROUTE.status}` }];
  }
  // A vendor still only proposed, and not yet announced to anyone, promised nothing: its details may still be set.
  const unannounced = before.status === "proposed" && !(await hasChange(db, before.id, ["announced", "effective"]));
  const issues: FieldIssue[] = [];
  for (const [field, path] of Object.entries(SUB_PROCESSOR_FIELD_PATHS) as [keyof SubProcessorInput, string][]) {
    if (path !== "workflow" || sameValue(before[field], after[field])) continue;
    if (unannounced && field !== "status") continue;
    issues.push({ path: field, message: `${String(field)} cannot be edited directly. ${WORKFLOW_ROUTE[field]}` });
  }
  return issues;
}

/** Why the vendor may not be archived directly, or null when it may. */
export async function archiveRefusal(db: Db, vendor: SubProcessor): Promise<string | null> {
  if (vendor.status === "active") {
    return `${vendor.legalName} is an active sub-processor: customers are told before it leaves. Propose a change of kind remove (${CHANGES}).`;
  }
  if (await hasChange(db, vendor.id, ["proposed", "announced"])) {
    return `A change under way concerns ${vendor.legalName}: withdraw it first (POST /api/v1/sub-processor-changes/{id}/withdraw).`;
  }
  return null;
}

async function hasChange(db: Db, vendorId: string, statuses: readonly ChangeStatus[]): Promise<boolean> {
  const [row] = await db
    .select({ id: subProcessorChanges.id })
    .from(subProcessorChanges)
    .where(
      and(
        inArray(subProcessorChanges.status, statuses),
        or(eq(subProcessorChanges.subProcessorId, vendorId), eq(subProcessorChanges.replacesId, vendorId)),
      ),
    )
    .limit(1);
  return row !== undefined;
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
