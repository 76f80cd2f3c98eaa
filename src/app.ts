import { OpenAPIHono } from "@hono/zod-openapi";
import { systemClock } from "./core/context.ts";
import { AppError } from "./core/errors.ts";
import { ENTITY_KINDS } from "./core/register/kinds.ts";
import { inputIssues } from "./core/use-cases/parse-input.ts";
import { registerAuditRoutes } from "./http/api/audit-routes.ts";
import { registerOnboardingRoutes } from "./http/api/onboarding-routes.ts";
import { registerVerificationRoutes } from "./http/api/verification-routes.ts";
import { registerChangeRoutes } from "./http/api/change-routes.ts";
import { registerClearanceRoutes } from "./http/api/clearance-routes.ts";
import { registerDocumentRoutes } from "./http/api/document-routes.ts";
import { registerEntityRoutes } from "./http/api/entity-routes.ts";
import { registerOrganisationRoutes } from "./http/api/organisation-routes.ts";
import { registerOutboxRoutes } from "./http/api/outbox-routes.ts";
import { referencePage } from "./http/api/reference-page.ts";
import { registerTokenRoutes } from "./http/api/token-routes.ts";
import { REGISTER_IMPORT_MAX_BYTES, REGISTER_IMPORT_PATH, registerRegisterTransferRoutes } from "./http/api/register-transfer-routes.ts";
import { registerFeedRoutes } from "./http/feeds/feed-routes.ts";
import { registerCheckpointRoutes } from "./http/feeds/checkpoint-routes.ts";
import type { AppDeps, AppEnv, AppWiring } from "./http/env.ts";
import { bearerAuth } from "./http/middleware/auth.ts";
import { jsonBodies } from "./http/middleware/json-body.ts";
import { handleError, problemResponse } from "./http/problem.ts";
import { adminErrorPage, isHtmlPath } from "./http/admin/admin-errors.ts";
import { registerAdmin } from "./http/admin/register-admin.ts";
import { securityHeaders } from "./http/security-headers.ts";
import { requestLog } from "./http/middleware/request-log.ts";
import { DEFAULT_PUBLIC_BASE_URL } from "./core/changes/objection-link.ts";
import { requestLimits } from "./http/middleware/rate-limit.ts";
import { allowedMethods } from "./http/method-not-allowed.ts";
import { finishDocument } from "./http/api/openapi-document.ts";

export const API_VERSION = "1.0.0";

/** The whole HTTP application; the Node and Worker entries only build its dependencies. */
export function createApp(deps: AppDeps) {
  const clock = deps.clock ?? systemClock;
  // Links in e-mails and feeds start with the configured base, never with what a request's Host header claims.
  const wiring: AppWiring = {
    ...deps,
    clock,
    publicBaseUrl: deps.publicBaseUrl ?? DEFAULT_PUBLIC_BASE_URL,
    limits: requestLimits(deps.rateLimits, () => clock.now().getTime()),
  };
  const app = new OpenAPIHono<AppEnv>({
    // Schema failures become the same problem+json as the use cases' own.
    defaultHook: (result) => {
      // The validator hands over the input it refused as `data`, though zod-openapi's type omits it.
      if (!result.success)
        throw new AppError("validation", "The request has invalid fields.", inputIssues((result as { data?: unknown }).data, result.error));
    },
  });
  app.onError((error, c) => (isHtmlPath(c.req.path) ? adminErrorPage(error, c) : handleError(error, c)));
  let allowed: (path: string) => string[] = () => [];
  app.notFound((c) => {
    const path = new URL(c.req.url).pathname;
    const methods = allowed(path);
    if (methods.length === 0) return problemResponse(c, "not_found", `No route ${c.req.method} ${path}.`);
    const response = problemResponse(c, "method_not_allowed", `${path} answers ${methods.join(", ")}, not ${c.req.method}.`);
    response.headers.set("Allow", methods.join(", "));
    return response;
  });
  // First: every answer, errors, 404 and 405 included, carries the request id, and every request is logged.
  app.use("*", requestLog({ trustedHeader: deps.requestIdHeader, logger: deps.logger }));
  app.use("*", securityHeaders());

  app.get("/health", (c) => c.json({ status: "ok" }));
  app.get("/", (c) => c.redirect("/admin", 302));
  registerAdmin(app, wiring);
  // Before the JSON API's middleware: these routes take spreadsheet files, and authenticate themselves.
  registerOnboardingRoutes(app, wiring);

  app.use(
    "/api/v1/*",
    ...jsonBodies({ [REGISTER_IMPORT_PATH]: REGISTER_IMPORT_MAX_BYTES }),
    bearerAuth(deps.store, clock, deps.checkpoints?.signer ?? undefined),
  );
  registerOrganisationRoutes(app);
  for (const [segment, kind] of Object.entries(ENTITY_KINDS)) {
    registerEntityRoutes(app, {
      segment,
      kind,
      schemaName: schemaNameOf(kind.type),
      tag: tagOf(kind.label),
      writePermission: segment === "sub-processors" ? "sub-processors:write" : "register:write",
    });
  }
  registerChangeRoutes(app, wiring);
  registerClearanceRoutes(app);
  registerOutboxRoutes(app);
  registerFeedRoutes(app, wiring);
  registerCheckpointRoutes(app, wiring);
  registerDocumentRoutes(app);
  registerAuditRoutes(app);
  registerVerificationRoutes(app, wiring);
  registerTokenRoutes(app);
  registerRegisterTransferRoutes(app, wiring);

  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer" });
  const document = () =>
    finishDocument(
      app.getOpenAPI31Document({
        openapi: "3.1.0",
        info: {
          title: "DPA register",
          version: API_VERSION,
          description: "Processing activities, sub-processors and customer data processing agreements (GDPR Art. 28 and 30).",
        },
      }),
    );
  app.get("/api/openapi.json", (c) => c.json(document()));
  allowed = allowedMethods(app.routes);
  app.get("/api/reference", (c) => {
    // Its stylesheet is inline; it has no script at all.
    c.header(
      "content-security-policy",
      "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    );
    return c.html(referencePage(document() as never));
  });
  return app;
}

const schemaNameOf = (type: string) => type.replace(/(^|_)([a-z])/g, (_, __, ch: string) => ch.toUpperCase());
const tagOf = (label: string) => `${label.charAt(0).toUpperCase()}${label.slice(1)}s`.replace("ys", "ies");
