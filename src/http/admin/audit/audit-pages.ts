import type { Hono } from "hono";
import {
  AUDIT_ACTIONS,
  auditActors,
  AUDITED_TYPES,
  auditEntryById,
  type AuditLogQuery,
  newestAuditEntries,
} from "../../../core/dashboard/index.ts";
import type { AppEnv } from "../../env.ts";
import { adminRoute } from "../admin-route.ts";
import { selectField, textField } from "../ui/fields.ts";
import { type Html, html, nothing } from "../ui/html.ts";
import { renderPage } from "../ui/page.ts";
import { t } from "../ui/ui-language.ts";
import { actionLabel, actorLabel, auditEntryView, auditTable } from "./audit-views.ts";
import { entityTypeInSentence, entityTypeLabel } from "./entity-links.ts";
import { pageQuery, readWithQuery } from "./page-query.ts";

/** The global audit log: newest first, filtered, each entry with its before and after. */
export function registerAuditPages(app: Hono<AppEnv>): void {
  adminRoute(app, "GET", "/admin/audit", "audit:read", async (c) => {
    const ctx = c.get("ctx");
    const raw = pageQuery(c);
    const [page, actors] = await Promise.all([readWithQuery(() => newestAuditEntries(ctx, raw)), auditActors(ctx)]);
    const filters = { ...raw };
    delete filters.before;
    const older = page.nextCursor ? `/admin/audit?${new URLSearchParams({ ...filters, before: page.nextCursor })}` : null;
    const body = html`${filterForm(page.query, actors)}
${auditTable(page.items, page.query.before ? t("admin.auditlog.caption.before", { seq: page.query.before }) : t("admin.auditlog.caption.newest"))}
<nav class="actions" aria-label="${t("admin.auditlog.pages")}">${page.query.before ? html`<a href="/admin/audit?${new URLSearchParams(filters)}">${t("admin.auditlog.newestEntries")}</a>` : nothing}${older ? html`<a href="${older}">${t("admin.auditlog.olderEntries")}</a>` : nothing}</nav>`;
    return renderPage(c, { title: t("admin.auditlog.title"), body });
  });

  adminRoute(app, "GET", "/admin/audit/:id", "audit:read", async (c) => {
    const entry = await auditEntryById(c.get("ctx"), c.req.param("id") ?? "");
    return renderPage(c, {
      title: t("admin.auditlog.entryTitle", {
        seq: entry.seq,
        action: actionLabel(entry.action),
        type: entityTypeInSentence(entry.entityType),
      }),
      body: auditEntryView(entry),
      trail: [["/admin/audit", t("admin.auditlog.title")]],
    });
  });
}

function filterForm(q: AuditLogQuery, actors: { actorId: string; actorName: string }[]): Html {
  return html`<form method="get" action="/admin/audit" class="narrow">
${selectField({ name: "entityType", label: t("admin.auditlog.filter.entityType"), value: q.entityType ?? "", blank: t("admin.auditlog.filter.anyType"), choices: AUDITED_TYPES.map((type) => ({ value: type, label: entityTypeLabel(type) })) })}
${q.entityId ? textField({ name: "entityId", label: t("admin.auditlog.filter.entityId"), value: q.entityId, hint: t("admin.auditlog.filter.entityId.hint") }) : nothing}
${selectField({ name: "action", label: t("admin.auditlog.action"), value: q.action ?? "", blank: t("admin.auditlog.filter.anyAction"), choices: AUDIT_ACTIONS.map((a) => ({ value: a, label: actionLabel(a) })) })}
${selectField({ name: "actorId", label: t("admin.auditlog.who"), value: q.actorId ?? "", blank: t("admin.auditlog.filter.anyone"), choices: actorChoices(actors) })}
<div class="actions"><button type="submit">${t("admin.common.filter")}</button> <a href="/admin/audit">${t("admin.auditlog.filter.clear")}</a></div>
</form>`;
}

/** Actors by name; the id is added only where two share a name. */
function actorChoices(actors: { actorId: string; actorName: string }[]) {
  const shared = (name: string) => actors.filter((a) => actorLabel(a) === name).length > 1;
  return actors.map((a) => ({ value: a.actorId, label: shared(actorLabel(a)) ? `${actorLabel(a)} (${a.actorId})` : actorLabel(a) }));
}
