import { AUDIT_ACTIONS } from "../../../core/dashboard/index.ts";
import type { AuditEntry } from "../../../core/evidence/index.ts";
import { pick } from "../../../core/kernel/i18n/localise.ts";
import { CHANGE_KINDS, type LocalizedText } from "../../../core/kernel/values/values.ts";
import { type Html, html, instant, nothing, seg } from "../ui/html.ts";
import { t, uiDate, uiLanguage } from "../ui/ui-language.ts";
import { entityHref, entityTypeInSentence, entityTypeLabel } from "./entity-links.ts";

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
      // Register text in the page's language where it was given in it, else in one it was given in.
      const text =
        pick(value as LocalizedText, uiLanguage()) ||
        Object.values(value as Record<string, unknown>).find((v) => typeof v === "string" && v);
      if (typeof text === "string" && text) return text;
    }
  }
  // Records without a name of their own: said by what they are and when, not by their id.
  const day = (key: string) => (typeof shown[key] === "string" && shown[key] ? uiDate(shown[key] as string) : "");
  if (entry.entityType === "change_notice" && day("noticeDate"))
    return t("admin.auditlog.name.notice", { noticeDate: day("noticeDate"), lastDay: day("lastDay") });
  if (entry.entityType === "objection" && day("receivedAt"))
    return t(shown.onTime === false ? "admin.auditlog.name.objectionLate" : "admin.auditlog.name.objection", { date: day("receivedAt") });
  if (entry.entityType === "sub_processor_change" && typeof shown.kind === "string")
    return t("admin.auditlog.name.change", { kind: changeKindLabel(shown.kind), date: day("intendedStart") });
  if (entry.entityType === "terms_change" && typeof shown.version === "string")
    return t("admin.auditlog.name.terms", { version: shown.version });
  // A sign-in or sign-out records no state: the account is the person who acted, when it was them.
  if (entry.entityType === "user")
    return entry.actorId === entry.entityId && entry.actorName ? entry.actorName : t("admin.auditlog.name.anAccount");
  return entry.entityId;
}

/** A sub-processor change's kind in words ("add", "change locations"); a kind not known here as stored. */
const changeKindLabel = (kind: string): string =>
  (CHANGE_KINDS as readonly string[]).includes(kind) ? t(`admin.auditlog.changeKind.${kind}`) : kind.replace(/_/g, " ");

/** What an entry did, in words ("update", "sign in"); an action not known here as stored. */
export const actionLabel = (action: string): string =>
  (AUDIT_ACTIONS as readonly string[]).includes(action) ? t(`admin.auditlog.action.${action}`) : action.replace(/_/g, " ");

/** "Customer: <a>Peeters BV</a>": the type, then the entity's name linked to its history. */
const entityCell = (e: AuditEntry): Html =>
  html`${t("admin.auditlog.entityOfType", { type: entityTypeLabel(e.entityType) })} <a href="${entityHref(e.entityType, e.entityId)}">${entityName(e)}</a>`;

/** The audit rows as a table: when, who, what, and where to see more. */
export function auditTable(entries: AuditEntry[], caption: string): Html {
  if (entries.length === 0) return html`<p>${t("admin.auditlog.empty")}</p>`;
  return html`<table><caption class="hint">${caption}</caption>
<thead><tr><th scope="col">${t("admin.auditlog.when")}</th><th scope="col">${t("admin.auditlog.who")}</th><th scope="col">${t("admin.auditlog.action")}</th><th scope="col">${t("admin.auditlog.entity")}</th><th scope="col">${t("admin.auditlog.entry")}</th></tr></thead>
<tbody>${entries.map(
    (e) => html`<tr><td>${instant(e.at)}</td><td>${actorLabel(e)}</td><td>${actionLabel(e.action)}</td>
<td>${entityCell(e)}</td>
<td><a href="/admin/audit/${seg(e.id)}">${t("admin.auditlog.entryNumber", { seq: e.seq })}</a></td></tr>`,
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

/** One entry in full, with its before and after as indented JSON (field names and values as stored: it is evidence). */
export function auditEntryView(e: AuditEntry): Html {
  const changed = e.before !== null && e.after !== null ? changedFields(e.before, e.after) : [];
  const json = (value: unknown, absent: string) =>
    value === null || value === undefined ? html`<p>${absent}</p>` : html`<pre>${JSON.stringify(value, null, 2)}</pre>`;
  return html`<dl class="facts">
<dt>${t("admin.auditlog.when")}</dt><dd>${instant(e.at)} <span class="hint">(${e.at})</span></dd>
<dt>${t("admin.auditlog.who")}</dt><dd>${actorLabel(e)} <span class="hint">(${e.actorId})</span></dd>
<dt>${t("admin.auditlog.action")}</dt><dd>${actionLabel(e.action)}</dd>
<dt>${t("admin.auditlog.entity")}</dt><dd>${entityCell(e)} <span class="hint">(${e.entityId})</span></dd>
<dt>${t("admin.auditlog.sequenceNumber")}</dt><dd>${e.seq}</dd>
${changed.length ? html`<dt>${t("admin.auditlog.fieldsChanged")}</dt><dd>${changed.join(", ")}</dd>` : nothing}
</dl>
<h2>${t("admin.auditlog.before")}</h2>${json(e.before, t("admin.auditlog.before.none"))}
<h2>${t("admin.auditlog.after")}</h2>${json(e.after, t("admin.auditlog.after.none"))}
<p><a href="/admin/audit?${new URLSearchParams({ entityType: e.entityType, entityId: e.entityId })}">${t("admin.auditlog.everyEntryOf", { type: entityTypeInSentence(e.entityType) })}</a></p>`;
}

/** Actors that are not people have fixed names in the audit trail (English, as stored); the page names them in its language. */
const MACHINE_ACTORS: [RegExp, string][] = [
  [/^system$/, "admin.auditlog.actor.system"],
  [/^system:lifecycle$/, "admin.auditlog.actor.lifecycle"],
  [/^system:evidence$/, "admin.auditlog.actor.evidence"],
  [/^system:demo$/, "admin.auditlog.actor.demo"],
  [/^notice-link:/, "admin.auditlog.actor.noticeLink"],
  [/^public:subscription$/, "admin.auditlog.actor.subscription"],
];

/** Who made an entry, as the page's reader names them: a person's name as stored, a machine's in words. */
export function actorLabel(e: { actorId: string; actorName: string }): string {
  const machine = MACHINE_ACTORS.find(([pattern]) => pattern.test(e.actorId));
  return machine ? t(machine[1]) : e.actorName;
}
