import type { AuditEntry } from "../../../core/evidence/index.ts";
import { type Html, html, instant, nothing, seg } from "../ui/html.ts";
import { entityHref, entityTypeLabel } from "./entity-links.ts";

/** A name people recognise for the entity an entry is about, taken from its own representation. */
export function entityName(
  entry: Pick<AuditEntry, "entityId" | "before" | "after"> & { entityType?: string; actorId?: string; actorName?: string },
): string {
  const shown = (entry.after ?? entry.before ?? {}) as Record<string, unknown>;
  // A title before a heading: a security measure's heading is a code (its Annex III heading), its title its name.
  for (const key of ["legalName", "reference", "name", "title", "email", "fileName"]) {
    const value = shown[key];
    if (typeof value === "string" && value) return value;
    if (value && typeof value === "object") {
      const text = Object.values(value as Record<string, unknown>).find((v) => typeof v === "string" && v);
      if (typeof text === "string") return text;
    }
  }
  // Records without a name of their own: said by what they are and when, not by their id.
  const day = (key: string) => (typeof shown[key] === "string" ? (shown[key] as string).slice(0, 10) : "");
  if (entry.entityType === "change_notice" && day("noticeDate")) return `notice of ${day("noticeDate")}, last day ${day("lastDay")}`;
  if (entry.entityType === "objection" && day("receivedAt"))
    return `received ${day("receivedAt")}${shown.onTime === false ? " (late)" : ""}`;
  if (entry.entityType === "sub_processor_change" && typeof shown.kind === "string")
    return `${shown.kind.replace(/_/g, " ")}, intended start ${day("intendedStart")}`;
  if (entry.entityType === "terms_change" && typeof shown.version === "string") return `version ${shown.version}`;
  // A sign-in or sign-out records no state: the account is the person who acted, when it was them.
  if (entry.entityType === "user") return entry.actorId === entry.entityId && entry.actorName ? entry.actorName : "an account";
  return entry.entityId;
}

export const actionLabel = (action: string): string => action.replace(/_/g, " ");

/** The audit rows as a table: when, who, what, and where to see more. */
export function auditTable(entries: AuditEntry[], caption: string): Html {
  if (entries.length === 0) return html`<p>No audit entries.</p>`;
  return html`<table><caption class="hint">${caption}</caption>
<thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">Entity</th><th scope="col">Entry</th></tr></thead>
<tbody>${entries.map(
    (e) => html`<tr><td>${instant(e.at)}</td><td>${e.actorName}</td><td>${actionLabel(e.action)}</td>
<td>${entityTypeLabel(e.entityType)}: <a href="${entityHref(e.entityType, e.entityId)}">${entityName(e)}</a></td>
<td><a href="/admin/audit/${seg(e.id)}">Entry ${e.seq}</a></td></tr>`,
  )}</tbody></table>`;
}

/** Top-level fields whose values differ between before and after. */
export function changedFields(before: unknown, after: unknown): string[] {
  const a = (before ?? {}) as Record<string, unknown>;
  const b = (after ?? {}) as Record<string, unknown>;
  if (typeof a !== "object" || typeof b !== "object") return [];
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys.filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]) && k !== "revision" && k !== "updatedAt");
}

/** One entry in full, with its before and after as indented JSON. */
export function auditEntryView(e: AuditEntry): Html {
  const changed = e.before !== null && e.after !== null ? changedFields(e.before, e.after) : [];
  const json = (value: unknown, absent: string) =>
    value === null || value === undefined ? html`<p>${absent}</p>` : html`<pre>${JSON.stringify(value, null, 2)}</pre>`;
  return html`<dl class="facts">
<dt>When</dt><dd>${instant(e.at)} <span class="hint">(${e.at})</span></dd>
<dt>Who</dt><dd>${e.actorName} <span class="hint">(${e.actorId})</span></dd>
<dt>Action</dt><dd>${actionLabel(e.action)}</dd>
<dt>Entity</dt><dd>${entityTypeLabel(e.entityType)}: <a href="${entityHref(e.entityType, e.entityId)}">${entityName(e)}</a> <span class="hint">(${e.entityId})</span></dd>
<dt>Sequence number</dt><dd>${e.seq}</dd>
${changed.length ? html`<dt>Fields changed</dt><dd>${changed.join(", ")}</dd>` : nothing}
</dl>
<h2>Before</h2>${json(e.before, "Nothing: this entry brought it into being.")}
<h2>After</h2>${json(e.after, "Nothing: this entry deleted it.")}
<p><a href="/admin/audit?${new URLSearchParams({ entityType: e.entityType, entityId: e.entityId })}">Every audit entry of this ${entityTypeLabel(e.entityType).toLowerCase()}</a></p>`;
}
