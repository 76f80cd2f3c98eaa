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
import { actionLabel, auditEntryView, auditTable } from "./audit-views.ts";
import { entityTypeLabel } from "./entity-links.ts";
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
${auditTable(page.items, page.query.before ? `Entries before number ${page.query.before}, newest first.` : "Newest first.")}
<nav class="actions" aria-label="Pages">${page.query.before ? html`<a href="/admin/audit?${new URLSearchParams(filters)}">Newest entries</a>` : nothing}${older ? html`<a href="${older}">Older entries</a>` : nothing}</nav>`;
    return renderPage(c, { title: "Audit log", body });
  });

  adminRoute(app, "GET", "/admin/audit/:id", "audit:read", async (c) => {
    const entry = await auditEntryById(c.get("ctx"), c.req.param("id") ?? "");
    return renderPage(c, {
      title: `Audit entry ${entry.seq}: ${actionLabel(entry.action)} ${entityTypeLabel(entry.entityType).toLowerCase()}`,
      body: auditEntryView(entry),
      trail: [["/admin/audit", "Audit log"]],
    });
  });
}

function filterForm(q: AuditLogQuery, actors: { actorId: string; actorName: string }[]): Html {
  return html`<form method="get" action="/admin/audit" class="narrow">
${selectField({ name: "entityType", label: "Entity type", value: q.entityType ?? "", blank: "Any type", choices: AUDITED_TYPES.map((t) => ({ value: t, label: entityTypeLabel(t) })) })}
${q.entityId ? textField({ name: "entityId", label: "Entity id", value: q.entityId, hint: "Clear it to see every entity of the type." }) : nothing}
${selectField({ name: "action", label: "Action", value: q.action ?? "", blank: "Any action", choices: AUDIT_ACTIONS.map((a) => ({ value: a, label: actionLabel(a) })) })}
${selectField({ name: "actorId", label: "Who", value: q.actorId ?? "", blank: "Anyone", choices: actorChoices(actors) })}
<div class="actions"><button type="submit">Filter</button> <a href="/admin/audit">Clear filters</a></div>
</form>`;
}

/** Actors by name; the id is added only where two share a name. */
function actorChoices(actors: { actorId: string; actorName: string }[]) {
  const shared = (name: string) => actors.filter((a) => a.actorName === name).length > 1;
  return actors.map((a) => ({ value: a.actorId, label: shared(a.actorName) ? `${a.actorName} (${a.actorId})` : a.actorName }));
}
