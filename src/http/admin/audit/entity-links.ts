import { ENTITY_KINDS } from "../../../core/register/index.ts";
import { seg } from "../ui/html.ts";

/** Register entity types by their admin URL segment, e.g. processing_activity → activities. */
const SEGMENT_OF_TYPE = new Map<string, string>(Object.entries(ENTITY_KINDS).map(([segment, kind]) => [kind.type, segment]));

/** Readable names of audited entity types. */
const TYPE_LABELS: Record<string, string> = {
  organisation: "Organisation",
  sub_processor_change: "Sub-processor change",
  terms_change: "Terms change",
  change_notice: "Change notice",
  objection: "Objection",
  obligation: "Obligation",
  customer_audit: "Customer audit",
  breach: "Personal data breach",
  document_export: "Document export",
  user: "User",
  api_token: "API token",
  ...Object.fromEntries(Object.values(ENTITY_KINDS).map((kind) => [kind.type, kind.label.charAt(0).toUpperCase() + kind.label.slice(1)])),
};

export const entityTypeLabel = (type: string): string => TYPE_LABELS[type] ?? type;

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
