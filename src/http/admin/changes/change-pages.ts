import type { Hono } from "hono";
import type { AppEnv, AppWiring } from "../../env.ts";
import { adminRoute } from "../admin-route.ts";
import { announceHandler, changePage, withdrawHandler } from "./change-detail-page.ts";
import { changeListPage } from "./change-list-page.ts";
import { authorisationHandler, exclusionHandler, noticePageHandler, recordObjectionHandler } from "./notice-page.ts";
import { objectionPage, resolutionHandler } from "./objection-page.ts";
import { newChangePage, proposeHandler } from "./proposal-pages.ts";

/**
 * The sub-processor change workflow in the admin UI, with the API's
 * permissions (http/api/change-, notice- and objection-routes.ts): reading needs register:read;
 * proposing, announcing and withdrawing sub-processors:write; recording and
 * deciding on customers' answers register:write.
 */
export function registerChangePages(app: Hono<AppEnv>, deps: AppWiring): void {
  adminRoute(app, "GET", "/admin/changes", "register:read", changeListPage);
  // Before /admin/changes/:id, which would otherwise take "new" for an id.
  adminRoute(app, "GET", "/admin/changes/new", "sub-processors:write", newChangePage);
  adminRoute(app, "POST", "/admin/changes", "sub-processors:write", proposeHandler(deps));
  adminRoute(app, "GET", "/admin/changes/:id", "register:read", (c) => changePage(c));
  adminRoute(app, "POST", "/admin/changes/:id/announce", "sub-processors:write", announceHandler(deps));
  adminRoute(app, "POST", "/admin/changes/:id/withdraw", "sub-processors:write", withdrawHandler);
  adminRoute(app, "GET", "/admin/notices/:id", "register:read", noticePageHandler(deps));
  adminRoute(app, "POST", "/admin/notices/:id/objections", "register:write", recordObjectionHandler(deps));
  adminRoute(app, "POST", "/admin/notices/:id/authorisation", "register:write", authorisationHandler(deps));
  adminRoute(app, "POST", "/admin/notices/:id/exclusion", "register:write", exclusionHandler(deps));
  adminRoute(app, "GET", "/admin/objections/:id", "register:read", (c) => objectionPage(c));
  adminRoute(app, "POST", "/admin/objections/:id/resolution", "register:write", resolutionHandler);
}
