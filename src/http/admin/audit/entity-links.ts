import { AUDITED_TYPES } from "../../../core/dashboard/index.ts";
import { ENTITY_KINDS } from "../../../core/register/index.ts";
import { seg } from "../ui/html.ts";
import { t } from "../ui/ui-language.ts";

/** Register entity types by their admin URL segment, e.g. processing_activity → activities. */
const SEGMENT_OF_TYPE = new Map<string, string>(Object.entries(ENTITY_KINDS).map(([segment, kind]) => [kind.type, segment]));

/**
 * Readable names of audited entity types, in the page's language: every type
 * the use cases audit has its "admin.auditlog.entityType.<type>" message;
 * any other type (not written today) shows as stored rather than failing the page.
 */
export const entityTypeLabel = (type: string): string => (AUDITED_TYPES.includes(type) ? t(`admin.auditlog.entityType.${type}`) : type);

/** The type's name inside a sentence: lower case, but an acronym stays one ("API token", "personal data breach"). */
export function entityTypeInSentence(type: string): string {
  const label = entityTypeLabel(type);
  return /^\p{Lu}\p{Ll}/u.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

/**
 * Where an audited entity's own history or page is: register entities have
 * /admin/<segment>/<id>/history (the organisation /admin/organisation/history),
 * changes and objections their workflow pages, exports their page under
 * documents; anything else the audit log filtered to that entity.
 */
export function entityHref(entityType: string, entityId: string): string {
  const segment = SEGMENT_OF_TYPE.get(entityType);
  if (segment) return `/admin/${segment}/${seg(entityId)}/history`;
  if (entityType === "organisation") return "/admin/organisation/history";
  if (entityType === "sub_processor_change") return `/admin/changes/${seg(entityId)}`;
  if (entityType === "objection") return `/admin/objections/${seg(entityId)}`;
  if (entityType === "change_notice") return `/admin/notices/${seg(entityId)}`;
  if (entityType === "terms_change") return `/admin/terms-changes/${seg(entityId)}`;
  if (entityType === "breach") return `/admin/breaches/${seg(entityId)}`;
  if (entityType === "customer_audit") return `/admin/customer-audits/${seg(entityId)}`;
  if (entityType === "obligation") return `/admin/obligations/${seg(entityId)}`;
  if (entityType === "document_export") return `/admin/documents/exports/${seg(entityId)}`;
  return `/admin/audit?${new URLSearchParams({ entityType, entityId })}`;
}
