import type { Hono } from "hono";
import { announcedChanges, awaitingDecisions, documentOverview, recentChanges } from "../../../core/dashboard/index.ts";
import { can } from "../../../core/kernel/roles.ts";
import type { AppEnv, AppWiring } from "../../env.ts";
import { adminRoute } from "../admin-route.ts";
import { auditTable } from "../audit/audit-views.ts";
import { html, nothing } from "../ui/html.ts";
import { renderPage } from "../ui/page.ts";
import { t } from "../ui/ui-language.ts";
import { effectiveSection, windowsSection } from "./change-sections.ts";
import { completenessSection, decisionsSection } from "./decision-sections.ts";
import { auditSection } from "./audit-section.ts";
import { certificationSection } from "./certification-section.ts";
import { dutySection } from "./duty-section.ts";
import { reviewSection } from "./review-section.ts";
import { termsSection } from "./terms-section.ts";
import { evidenceSection, registerVerificationAction } from "./evidence-section.ts";

/** Audit entries on the dashboard. */
const RECENT_SHOWN = 10;
const DASHBOARD_PATH = "/admin";
const ACCESS = "register:read" as const;

/**
 * What a DPO checks every morning, from a handful of grouped queries (no
 * query per notice or per row): objection windows with days left, what
 * waits for a decision, duties overdue or falling due, what takes effect soon or is held up, incomplete
 * documents, the last verification of the audit trail and the latest changes.
 */
export function registerDashboard(app: Hono<AppEnv>, deps: Pick<AppWiring, "checkpoints">): void {
  registerVerificationAction(app, deps);
  adminRoute(app, "GET", DASHBOARD_PATH, ACCESS, async (c) => {
    const role = c.get("actor").role;
    const ctx = c.get("ctx");
    const showAudit = can(role, "audit:read");
    const [changes, decisions, duties, audits, reviews, certifications, documents, recent, terms] = await Promise.all([
      announcedChanges(ctx),
      awaitingDecisions(ctx),
      dutySection(ctx),
      auditSection(ctx),
      reviewSection(ctx),
      certificationSection(ctx),
      documentOverview(ctx),
      showAudit ? recentChanges(ctx, RECENT_SHOWN) : Promise.resolve([]),
      termsSection(ctx),
    ]);
    const evidence = showAudit
      ? await evidenceSection(ctx, { csrf: c.get("session").csrfToken, mayVerify: can(role, "operations:run") })
      : nothing;
    const body = html`<h2>${t("admin.dashboard.windows.title")}</h2>
${windowsSection(changes)}
<h2>${t("admin.dashboard.decisions.title")}</h2>
${decisionsSection(decisions)}
<h2>${t("admin.dashboard.duties.title")}</h2>
${duties}
<h2>${t("admin.dashboard.audits.title")}</h2>
${audits}
<h2>${t("admin.dashboard.effective.sectionTitle")}</h2>
${effectiveSection(changes)}
<h2>${t("admin.dashboard.terms.title")}</h2>
${terms}
<h2>${t("admin.dashboard.completeness.title")}</h2>
${completenessSection(documents)}
<h2>${t("admin.dashboard.reviews.title")}</h2>
${reviews}
<h2>${t("admin.dashboard.certifications.title")}</h2>
${certifications}
${showAudit ? html`<h2 id="evidence">${t("admin.dashboard.evidence.title")}</h2>${evidence}` : nothing}
${showAudit ? html`<h2>${t("admin.dashboard.recent.title")}</h2>${auditTable(recent, t("admin.dashboard.recent.caption", { n: RECENT_SHOWN }))}<p><a href="/admin/audit">${t("admin.dashboard.recent.wholeLog")}</a></p>` : nothing}`;
    return renderPage(c, { title: t("admin.dashboard.title"), body });
  });
}
