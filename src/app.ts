import { OpenAPIHono } from "@hono/zod-openapi";
import { registerAdmin } from "./http/admin/register-admin.ts";
import { describeApi } from "./http/api/api-description.ts";
import { registerApi } from "./http/api/register-api.ts";
import type { AppDeps, AppEnv } from "./http/env.ts";
import { answerFailures, refuseInvalidInput } from "./http/failures.ts";
import { requestLog } from "./http/middleware/request-log.ts";
import { registerOnboardingRoutes } from "./http/api/onboarding-routes.ts";
import { securityHeaders } from "./http/security-headers.ts";
import { wiringOf } from "./http/wiring.ts";

/** The whole HTTP application; the Node and Worker entries only build its dependencies. */
export function createApp(deps: AppDeps) {
  const wiring = wiringOf(deps);
  const app = new OpenAPIHono<AppEnv>({ defaultHook: refuseInvalidInput });
  const methods = answerFailures(app);
  // First: every answer, errors, 404 and 405 included, carries the request id, and every request is logged.
  app.use("*", requestLog({ trustedHeader: deps.requestIdHeader, logger: deps.logger }));
  app.use("*", securityHeaders());
  app.get("/health", (c) => c.json({ status: "ok" }));
  app.get("/", (c) => c.redirect("/admin", 302));
  registerAdmin(app, wiring);
  // Before the JSON API's middleware: these routes take spreadsheet files, and authenticate themselves.
  registerOnboardingRoutes(app, wiring);
  registerApi(app, wiring);
  describeApi(app, methods);
  return app;
}
