/**
 * The register: processing activities, sub-processors, agreements, customers, data and subject categories, security measures; their rules and use cases.
 * This file is the feature's public surface: other features and the outer layers import only what it exports.
 */
export { activityKind } from "./activities.ts";
export { agreementKind } from "./agreements.ts";
export { customerKind } from "./customers.ts";
export { dataCategoryKind } from "./data-categories.ts";
export type { AnyEntityKind, EntityKind, EntityMeta } from "./entity-kind.ts";
export { ENTITY_KINDS } from "./kinds.ts";
export type { EntityPath } from "./kinds.ts";
export { ACTIVITY_STATUSES, ART9_CONDITIONS, LEGAL_BASES } from "./model/activity.ts";
export type { Activity } from "./model/activity.ts";
export { AGREEMENT_STATUSES } from "./model/agreement.ts";
export type { Agreement } from "./model/agreement.ts";
export type { Customer } from "./model/customer.ts";
export { SPECIAL_CATEGORIES } from "./model/data-category.ts";
export type { DataCategory } from "./model/data-category.ts";
export { ANNEX_III_HEADINGS } from "./model/security-measure.ts";
export type { SecurityMeasure } from "./model/security-measure.ts";
export { SUB_PROCESSOR_STATUSES, SubProcessorInput } from "./model/sub-processor.ts";
export type { SubProcessor } from "./model/sub-processor.ts";
export type { SubjectCategory } from "./model/subject-category.ts";
export {
  NAMED_AGREEMENT,
  NAMED_BY_ENTITY_TYPE,
  NAMED_SUB_PROCESSOR,
  idOrReference,
  resolveNamed,
  resolveNamedFields,
} from "./named-records.ts";
export type { NamedRecord } from "./named-records.ts";
export { checkDuplicates, checkReferences } from "./references.ts";
export { displayName, withoutMeta } from "./rows.ts";
export { securityMeasureKind } from "./security-measures.ts";
export { chainReaches, subProcessorKind } from "./sub-processors.ts";
export { subjectCategoryKind } from "./subject-categories.ts";
export { archiveEntity } from "./use-cases/archive-entity.ts";
export { CorrectionInput, correctEntity } from "./use-cases/correct-entity.ts";
export { createEntity } from "./use-cases/create-entity.ts";
export { deleteEntity } from "./use-cases/delete-entity.ts";
export { getEntities } from "./use-cases/get-entities.ts";
export { getEntity } from "./use-cases/get-entity.ts";
export { listEntities, listQuery } from "./use-cases/list-entities.ts";
export { staleRevision, updateEntity } from "./use-cases/update-entity.ts";
export { guardRevision } from "./guard-revision.ts";
