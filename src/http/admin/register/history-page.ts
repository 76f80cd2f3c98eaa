import type { Context } from "hono";
import { type AuditEntry, listAuditEntries } from "../../../core/evidence/index.ts";
import type { AppEnv } from "../../env.ts";
import { html, instant, nothing } from "../ui/html.ts";
import { renderPage } from "../ui/page.ts";
import { changedFields, changeTable } from "./change-table.ts";
import { loadNames } from "./choices.ts";
import type { Field } from "./forms/form-spec.ts";
import { referencedIds } from "./forms/referenced-ids.ts";

const ACTIONS: Record<string, string> = {
  create: "Created",
  update: "Changed",
  archive: "Archived",
  delete: "Deleted",
  correct: "Corrected",
};

/** Extra labels for fields the register sets itself. */
const MANAGED: Field[] = [{ type: "text", name: "archivedAt", label: "Archived at" }];

export interface HistoryOptions {
  title: string;
  trail: [string, string][];
  entityType: string;
  entityId?: string;
  fields: Field[];
  /** Where the page's own paging links point. */
  path: string;
}

/** One entity's audit entries in the order they were written, each as a table of changed fields. */
export async function historyPage(c: Context<AppEnv>, o: HistoryOptions): Promise<Response> {
  const ctx = c.get("ctx");
  const cursor = c.req.query("cursor");
  const page = await listAuditEntries(ctx, {
    entityType: o.entityType,
    ...(o.entityId ? { entityId: o.entityId } : {}),
    limit: "100",
    ...(cursor ? { cursor } : {}),
  });
  const fields = [...o.fields, ...MANAGED];
  const ids = new Map<string, Set<string>>();
  for (const entry of page.items) {
    referencedIds(fields, entry.before, ids);
    referencedIds(fields, entry.after, ids);
  }
  const names = new Map([...(await loadNames(ctx, ids)).values()].flatMap((m) => [...m]));
  const entry = (e: AuditEntry) => html`<section><h2>${ACTIONS[e.action] ?? e.action} on ${instant(e.at)} by ${e.actorName}</h2>
${e.reason ? html`<p class="reason">Reason: ${e.reason}</p>` : nothing}
${changeTable(fields, changedFields(e.before, e.after), (id) => names.get(id))}</section>`;
  const body = page.items.length
    ? html`${page.items.map(entry)}<div class="actions">${cursor ? html`<a href="${o.path}">First entries</a>` : nothing}${
        page.nextCursor ? html`<a href="${o.path}?cursor=${page.nextCursor}">Later entries</a>` : nothing
      }</div>`
    : html`<p>No history recorded.</p>`;
  return renderPage(c, { title: o.title, trail: o.trail, body });
}
