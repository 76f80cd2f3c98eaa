import { z } from "zod";
import { EntityMeta } from "../../kernel/values/meta.ts";
import { SubProcessorInput } from "../../register/index.ts";
import {
  CHANGE_KINDS,
  CHANGE_STATUSES,
  type ChangeKind,
  Id,
  IsoDate,
  LocalizedText,
  Location,
  TransferMechanism,
} from "../../kernel/values/values.ts";

export { CHANGE_KINDS, CHANGE_STATUSES };
export type { ChangeKind };
export type { ChangeStatus } from "../../kernel/values/values.ts";

const Timestamp = z.iso.datetime();

/** A vendor not yet in the register: it is stored as a proposed sub-processor until the change takes effect. */
export const NewVendor = SubProcessorInput.omit({ status: true, activityIds: true }).describe(
  "A new vendor's details; it becomes an active sub-processor when the change takes effect.",
);

/** JSON Schema for "has these fields" (each named in properties too, as linters expect). */
const has = (keys: string[]) => ({ properties: Object.fromEntries(keys.map((key) => [key, {}])), required: keys });
const forbids = (...keys: string[]) => ({ not: { anyOf: keys.map((key) => has([key])) } });
const shape = (kind: ChangeKind, needs: string[], refuses: string[]) => {
  const needed = has(needs);
  const properties = {
    ...needed.properties,
    kind: { const: kind },
    ...(needs.includes("activityIds") ? { activityIds: { minItems: 1 } } : {}),
  };
  return { properties, required: needs, ...forbids(...refuses) };
};
const KIND_SHAPES = [
  shape("add", ["vendor", "activityIds"], ["subProcessorId", "replacesId", "locations", "transferMechanism", "parentId"]),
  shape("add", ["subProcessorId", "activityIds"], ["vendor", "replacesId", "locations", "transferMechanism", "parentId"]),
  shape("replace", ["vendor", "replacesId"], ["subProcessorId", "locations", "transferMechanism", "parentId"]),
  shape("replace", ["subProcessorId", "replacesId"], ["vendor", "locations", "transferMechanism", "parentId"]),
  shape("remove", ["subProcessorId"], ["vendor", "replacesId", "locations", "transferMechanism", "parentId"]),
  shape("change_locations", ["subProcessorId", "locations"], ["vendor", "replacesId", "parentId"]),
  shape("change_chain", ["subProcessorId", "parentId"], ["vendor", "replacesId", "locations", "transferMechanism"]),
];

export const ChangeProposalInput = z
  .strictObject({
    kind: z
      .enum(CHANGE_KINDS)
      .describe(
        "add a sub-processor, replace one with another, remove one, change its locations, or change the sub-processor that engages it.",
      ),
    subProcessorId: Id.optional().describe(
      "add/replace: an existing vendor coming in (else give `vendor`); remove/change_locations/change_chain: the sub-processor concerned.",
    ),
    vendor: NewVendor.optional(),
    replacesId: Id.optional().describe("replace: the sub-processor being replaced."),
    locations: z.array(Location).min(1).max(100).optional().describe("change_locations: the new locations."),
    transferMechanism: TransferMechanism.nullable().optional().describe("change_locations: the mechanism for the new locations."),
    parentId: Id.nullable()
      .optional()
      .describe("change_chain: the sub-processor that engages this one from then on; null: engaged directly."),
    activityIds: z
      .array(Id)
      .max(500)
      .optional()
      .describe("The processing activities affected; required for add, else defaults to the sub-processor's activities."),
    reason: LocalizedText.describe("Why the change is made; shown in the notice to customers."),
    intendedStart: IsoDate.describe("When the vendor is to start (or stop); not before the last objection window closes."),
    announce: z.boolean().default(false).describe("Announce at once: one notice per affected agreement."),
  })
  .superRefine((p, ctx) => {
    const need = (field: string, message: string) => ctx.addIssue({ code: "custom", path: [field], message });
    const refuse = (field: string) => ctx.addIssue({ code: "custom", path: [field], message: `Not used for a change of kind ${p.kind}.` });
    const incoming = p.kind === "add" || p.kind === "replace";
    if (incoming && !p.subProcessorId === !p.vendor)
      need("vendor", "Give either the new vendor's details (vendor) or an existing subProcessorId.");
    if (!incoming && p.vendor) refuse("vendor");
    if (!incoming && !p.subProcessorId) need("subProcessorId", `A change of kind ${p.kind} names the sub-processor concerned.`);
    if (p.kind === "replace" && !p.replacesId) need("replacesId", "Name the sub-processor being replaced.");
    if (p.kind !== "replace" && p.replacesId) refuse("replacesId");
    if (p.kind === "change_locations" && !p.locations) need("locations", "Give the new locations.");
    if (p.kind !== "change_locations" && p.locations) refuse("locations");
    if (p.kind !== "change_locations" && p.transferMechanism !== undefined) refuse("transferMechanism");
    if (p.kind === "change_chain" && p.parentId === undefined)
      need("parentId", "Name the sub-processor that will engage it, or null for none.");
    if (p.kind !== "change_chain" && p.parentId !== undefined) refuse("parentId");
    if (p.kind === "add" && (!p.activityIds || p.activityIds.length === 0))
      need("activityIds", "Name the activities the new sub-processor will serve.");
  })
  // The refinement above, as the OpenAPI document states it: which fields each kind takes, needs and refuses.
  .meta({ anyOf: KIND_SHAPES });
export type ChangeProposalInput = z.infer<typeof ChangeProposalInput>;

export const SubProcessorChange = z.object({
  ...EntityMeta,
  kind: z.enum(CHANGE_KINDS),
  subProcessorId: Id,
  replacesId: Id.nullable(),
  locations: z.array(Location).nullable(),
  transferMechanism: TransferMechanism.nullable(),
  parentId: Id.nullable().describe("change_chain: the sub-processor that engages it from then on; null: directly."),
  activityIds: z.array(Id),
  reason: LocalizedText,
  intendedStart: IsoDate,
  status: z.enum(CHANGE_STATUSES),
  announcedAt: Timestamp.nullable(),
  earliestStart: IsoDate.nullable().describe("The first day the change may start: the day after the latest notice's last day."),
  effectiveAt: Timestamp.nullable(),
  withdrawnAt: Timestamp.nullable(),
  withdrawalReason: z.string().nullable(),
  idempotencyKey: z.string().nullable(),
});
export type SubProcessorChange = z.infer<typeof SubProcessorChange>;

export const AnnounceInput = z.strictObject({
  intendedStart: IsoDate.optional().describe("A new intended start; else the proposal's."),
});

export const WithdrawInput = z.strictObject({ reason: z.string().trim().min(1).max(5000) });
