import type { Context } from "hono";
import { type AuditEntry, listAuditEntries } from "../../../core/evidence/index.ts";
import type { AppEnv } from "../../env.ts";
import { html, instant, nothing } from "../ui/html.ts";
import { renderPage } from "../ui/page.ts";
import { t } from "../ui/ui-language.ts";
import { actorLabel } from "../audit/audit-views.ts";
import { changedFields, changeTable } from "./change-table.ts";
import { loadNames } from "./choices.ts";
import type { Field } from "./forms/form-spec.ts";
import { referencedIds } from "./forms/referenced-ids.ts";

/** The audit actions an entity's history shows by name (admin.register.history.action.<action>); others by their code. */
const ACTIONS = new Set(["create", "update", "archive", "delete", "correct"]);
const actionName = (action: string): string => (ACTIONS.has(action) ? t(`admin.register.history.action.${action}`) : action);

/** Extra labels for fields the register sets itself (message keys, as in every form). */
const MANAGED: Field[] = [{ type: "text", name: "archivedAt", label: "admin.register.history.archivedAt" }];

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
  const entry = (e: AuditEntry) => html`<section><h2>${entryHeading(e)}</h2>
${e.reason ? html`<p class="reason">${t("admin.register.history.reason", { reason: e.reason })}</p>` : nothing}
${changeTable(fields, changedFields(e.before, e.after), (id) => names.get(id))}</section>`;
  const body = page.items.length
    ? html`${page.items.map(entry)}<div class="actions">${cursor ? html`<a href="${o.path}">${t("admin.register.history.first")}</a>` : nothing}${
        page.nextCursor ? html`<a href="${o.path}?cursor=${page.nextCursor}">${t("admin.register.history.later")}</a>` : nothing
      }</div>`
    : html`<p>${t("admin.register.history.empty")}</p>`;
  return renderPage(c, { title: o.title, trail: o.trail, body });
}

/** "Changed on 1 March 2024, 14:05 UTC by Dana Protector". */
const entryHeading = (e: AuditEntry): string =>
  t("admin.register.history.entry", { action: actionName(e.action), at: instant(e.at), actor: actorLabel(e) });
