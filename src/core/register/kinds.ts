import { activityKind } from "./activities.ts";
import { agreementKind } from "./agreements.ts";
import { customerKind } from "./customers.ts";
import { dataCategoryKind } from "./data-categories.ts";
import type { AnyEntityKind } from "./entity-kind.ts";
import { securityMeasureKind } from "./security-measures.ts";
import { subjectCategoryKind } from "./subject-categories.ts";
import { subProcessorKind } from "./sub-processors.ts";

/** Every register entity kind, keyed by its URL segment under /api/v1. */
export const ENTITY_KINDS = {
  "data-categories": dataCategoryKind,
  "subject-categories": subjectCategoryKind,
  "security-measures": securityMeasureKind,
  activities: activityKind,
  "sub-processors": subProcessorKind,
  customers: customerKind,
  agreements: agreementKind,
} as const satisfies Record<string, AnyEntityKind>;

export type EntityPath = keyof typeof ENTITY_KINDS;
