import type { OpenAPIHono } from "@hono/zod-openapi";
import { ENTITY_KINDS } from "../../core/register/index.ts";
import type { AppEnv, AppWiring } from "../env.ts";
import { registerCheckpointRoutes } from "../feeds/checkpoint-routes.ts";
import { registerFeedRoutes } from "../feeds/feed-routes.ts";
import { bearerAuth } from "../middleware/auth.ts";
import { jsonBodies } from "../middleware/json-body.ts";
import { registerAuditRoutes } from "./audit-routes.ts";
import { registerBreachRoutes } from "./breach-routes.ts";
import { registerChangeRoutes } from "./change-routes.ts";
import { registerSearchRoutes } from "./search-routes.ts";
import { registerClearanceRoutes } from "./clearance-routes.ts";
import { registerSubscriptionRoutes } from "../feeds/subscription-routes.ts";
import { registerCustomerAuditRoutes } from "./customer-audit-routes.ts";
import { registerDocumentRoutes } from "./document-routes.ts";
import { registerEntityRoutes } from "./entity-routes.ts";
import { registerObligationRoutes } from "./obligation-routes.ts";
import { registerOrganisationRoutes } from "./organisation-routes.ts";
import { registerOutboxRoutes } from "./outbox-routes.ts";
import { REGISTER_IMPORT_MAX_BYTES, REGISTER_IMPORT_PATH, registerRegisterTransferRoutes } from "./register-transfer-routes.ts";
import { registerTokenRoutes } from "./token-routes.ts";
import { registerWebhookRoutes } from "./webhook-routes.ts";
import { registerVerificationRoutes } from "./verification-routes.ts";

/** The JSON API under /api/v1 (bearer tokens), with the public feeds. The order is the OpenAPI document's order. */
export function registerApi(app: OpenAPIHono<AppEnv>, wiring: AppWiring): void {
  app.use(
    "/api/v1/*",
    ...jsonBodies({ [REGISTER_IMPORT_PATH]: REGISTER_IMPORT_MAX_BYTES }, wiring.rawBody),
    bearerAuth(wiring.store, wiring.clock, wiring.checkpoints?.signer ?? undefined),
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
  registerObligationRoutes(app);
  registerCustomerAuditRoutes(app);
  registerBreachRoutes(app);
  registerChangeRoutes(app, wiring);
  registerClearanceRoutes(app, wiring);
  registerSearchRoutes(app);
  registerOutboxRoutes(app);
  registerWebhookRoutes(app, wiring);
  registerFeedRoutes(app, wiring);
  registerSubscriptionRoutes(app, wiring);
  registerCheckpointRoutes(app, wiring);
  registerDocumentRoutes(app);
  registerAuditRoutes(app);
  registerVerificationRoutes(app, wiring);
  registerTokenRoutes(app);
  registerRegisterTransferRoutes(app, wiring);
}

const schemaNameOf = (type: string) => type.replace(/(^|_)([a-z])/g, (_, __, ch: string) => ch.toUpperCase());
const tagOf = (label: string) => `${label.charAt(0).toUpperCase()}${label.slice(1)}s`.replace("ys", "ies");
