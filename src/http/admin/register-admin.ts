import type { Hono } from "hono";
import type { AppEnv, AppWiring } from "../env.ts";
import { registerObjectionPages } from "../objection/objection-pages.ts";
import { registerAuditPages } from "./audit/audit-pages.ts";
import { registerChangePages } from "./changes/change-pages.ts";
import { registerBreachPages } from "./breaches/breach-pages.ts";
import { registerCustomerAuditPages } from "./customer-audits/audit-pages.ts";
import { registerDashboard } from "./dashboard/dashboard-page.ts";
import { registerDocumentPages } from "./documents/document-pages.ts";
import { registerObligationPages } from "./obligations/obligation-pages.ts";
import { registerOnboardingPages } from "./onboarding/onboarding-pages.ts";
import { registerOutboxPages } from "./outbox/outbox-pages.ts";
import { registerWebhookPages } from "./webhooks/webhook-pages.ts";
import { rejectCrossSitePosts, requireCsrfToken } from "./form-guard.ts";
import { registerPeoplePages } from "./people/people-pages.ts";
import { registerRegisterPages } from "./register/register-pages.ts";
import { sessionGuard, SIGN_IN_PATH } from "./session-guard.ts";
import { registerSearchPage } from "./search/search-page.ts";
import { registerSignInRoutes } from "./sign-in-routes.ts";
import { registerTermsChangePages } from "./terms-changes/terms-pages.ts";
import { registerAssets } from "./ui/assets.ts";
import { withUiLanguage } from "./ui/ui-language.ts";

/**
 * The admin UI under /admin, and the customers' objection pages under
 * /object. Order matters: the page's language is the browser's until the
 * session names the user's own; cross-site posts are refused
 * first, then every path but the sign-in page needs a live session, then
 * every signed-in post must carry the session's CSRF token. Each route then
 * checks its own permission (admin-route.ts).
 */
export function registerAdmin(app: Hono<AppEnv>, deps: AppWiring): void {
  registerAssets(app);
  app.use(
    "/admin/*",
    (c, next) => withUiLanguage(c, next),
    rejectCrossSitePosts(),
    sessionGuard(deps.store, deps.clock, deps.checkpoints?.signer ?? undefined),
    async (c, next) => (c.req.path === SIGN_IN_PATH ? next() : requireCsrfToken()(c, next)),
  );
  registerSignInRoutes(app, deps);
  registerDashboard(app, deps);
  registerRegisterPages(app);
  registerObligationPages(app);
  registerCustomerAuditPages(app);
  registerBreachPages(app);
  registerChangePages(app, deps);
  registerTermsChangePages(app, deps);
  registerSearchPage(app);
  registerDocumentPages(app);
  registerOnboardingPages(app, deps);
  registerAuditPages(app);
  registerOutboxPages(app);
  registerWebhookPages(app, deps);
  registerPeoplePages(app, deps);
  // Customers reach /object/* through signed links, without an account.
  app.use("/object/*", rejectCrossSitePosts());
  registerObjectionPages(app, deps);
}
