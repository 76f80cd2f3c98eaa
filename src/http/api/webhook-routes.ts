import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Ctx } from "../../core/kernel/context.ts";
import {
  createEndpoint,
  deleteEndpoint,
  deliveryWithAttempts,
  EndpointInput,
  EndpointPatch,
  getEndpoint,
  listDeliveries,
  listEndpoints,
  redeliver,
  rotateEndpointSecret,
  updateEndpoint,
  WEBHOOK_EVENT_MEANINGS,
  WEBHOOK_EVENTS,
} from "../../core/webhooks/index.ts";
import type { AppEnv, AppWiring } from "../env.ts";
import { requirePermission } from "../middleware/auth.ts";
import { IdParam, json, permissionOf, readErrors, security, writeErrors } from "./openapi-common.ts";

const Endpoint = z
  .object({
    id: z.string(),
    url: z.string(),
    description: z.string(),
    events: z.array(z.enum(WEBHOOK_EVENTS)),
    enabled: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
    deletedAt: z.string().nullable(),
  })
  .meta({ id: "WebhookEndpoint" });
const EndpointWithSecret = Endpoint.extend({
  secret: z.string().describe("The signing secret (whsec_…), shown on creation and rotation only."),
}).meta({ id: "WebhookEndpointWithSecret" });
const Delivery = z
  .object({
    id: z.string().describe("The message id, sent as the webhook-id header; the same on every retry and redelivery."),
    endpointId: z.string(),
    event: z.enum(WEBHOOK_EVENTS),
    payload: z.string().describe("The signed body, exactly as sent."),
    relatedType: z.string(),
    relatedId: z.string(),
    createdAt: z.string(),
    status: z.enum(["pending", "sending", "sent", "failed"]),
    attempts: z.int(),
    nextAttemptAt: z.string(),
    lastError: z.string().nullable(),
    sentAt: z.string().nullable(),
  })
  .meta({ id: "WebhookDelivery" });
const Attempt = z
  .object({
    id: z.string(),
    attempt: z.int(),
    startedAt: z.string(),
    durationMs: z.int(),
    status: z.int().nullable().describe("The HTTP status answered; null when no answer came."),
    ok: z.boolean(),
    detail: z.string().nullable().describe("Why it failed, or the start of the answer."),
  })
  .meta({ id: "WebhookAttempt" });
const DeliveryWithLog = Delivery.extend({ log: z.array(Attempt) }).meta({ id: "WebhookDeliveryLog" });
const DeliveriesQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) });

const EVENT_LIST = WEBHOOK_EVENTS.map((e) => `- \`${e}\`: ${WEBHOOK_EVENT_MEANINGS[e]}`).join("\n");
const SIGNING =
  "Each request is a POST of `{type, timestamp, data}` signed per the Standard Webhooks convention (webhook-id, webhook-timestamp, webhook-signature: v1,HMAC-SHA256 of `id.timestamp.body` with the endpoint's secret). A 2xx answer delivers it; anything else is retried with growing delays (1 min, 2, 4 … 6 h; 8 attempts), then recorded as failed.";

/** Webhook endpoints and their delivery log, for the admin who connects other systems. */
export function registerWebhookRoutes(app: OpenAPIHono<AppEnv>, wiring: AppWiring): void {
  const manage = requirePermission("operations:run");
  const common = { tags: ["Webhooks"], security, ...permissionOf("operations:run"), middleware: manage };
  /** The request's context with the operator's policy, which decides which URLs may be registered. */
  const ctxOf = (ctx: Ctx): Ctx => ({ ...ctx, webhookPolicy: wiring.webhookPolicy });
  const body = (schema: z.ZodType) => ({ body: { content: { "application/json": { schema } }, required: true } });

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/webhooks/endpoints",
      summary: "List webhook endpoints (never their secrets)",
      description: `The events an endpoint may subscribe to:\n\n${EVENT_LIST}\n\n${SIGNING}`,
      ...common,
      responses: { 200: json(z.object({ items: z.array(Endpoint) }), "Every endpoint not deleted, oldest first."), ...readErrors },
    }),
    async (c) => c.json({ items: (await listEndpoints(c.get("ctx").store.db)) as z.infer<typeof Endpoint>[] }, 200),
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/webhooks/endpoints",
      summary: "Register a webhook endpoint",
      description: `The URL must be allowed by the operator's policy (WEBHOOK_SCHEMES, WEBHOOK_HOSTS, WEBHOOK_PRIVATE_ADDRESSES): by default https to a public host. ${SIGNING}`,
      ...common,
      request: body(EndpointInput.meta({ id: "WebhookEndpointInput" })),
      responses: { 201: json(EndpointWithSecret, "Registered; its signing secret is in `secret`, shown this once."), ...writeErrors },
    }),
    async (c) => c.json((await createEndpoint(ctxOf(c.get("ctx")), await c.req.json())) as z.infer<typeof EndpointWithSecret>, 201),
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/webhooks/endpoints/{id}",
      summary: "One webhook endpoint",
      ...common,
      request: { params: IdParam },
      responses: { 200: json(Endpoint, "The endpoint."), ...readErrors },
    }),
    async (c) => c.json((await getEndpoint(c.get("ctx").store.db, c.req.valid("param").id)) as z.infer<typeof Endpoint>, 200),
  );
  app.openapi(
    createRoute({
      method: "patch",
      path: "/api/v1/webhooks/endpoints/{id}",
      summary: "Change a webhook endpoint (URL, description, events, enabled)",
      ...common,
      request: { params: IdParam, ...body(EndpointPatch.meta({ id: "WebhookEndpointPatch" })) },
      responses: { 200: json(Endpoint, "Changed."), ...writeErrors },
    }),
    async (c) =>
      c.json((await updateEndpoint(ctxOf(c.get("ctx")), c.req.valid("param").id, await c.req.json())) as z.infer<typeof Endpoint>, 200),
  );
  app.openapi(
    createRoute({
      method: "delete",
      path: "/api/v1/webhooks/endpoints/{id}",
      summary: "Delete a webhook endpoint",
      description: "Nothing more is sent to it; its delivery log stays.",
      ...common,
      request: { params: IdParam },
      responses: { 204: { description: "Deleted." }, ...writeErrors },
    }),
    async (c) => {
      await deleteEndpoint(c.get("ctx"), c.req.valid("param").id);
      return c.body(null, 204);
    },
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/webhooks/endpoints/{id}/secret",
      summary: "Give a webhook endpoint a new signing secret",
      description: "For a secret that may have leaked: every request from now on is signed with the new one.",
      ...common,
      request: { params: IdParam },
      responses: { 200: json(EndpointWithSecret, "The new secret is in `secret`, shown this once."), ...writeErrors },
    }),
    async (c) => c.json((await rotateEndpointSecret(c.get("ctx"), c.req.valid("param").id)) as z.infer<typeof EndpointWithSecret>, 200),
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/webhooks/endpoints/{id}/deliveries",
      summary: "An endpoint's deliveries, newest first",
      ...common,
      request: { params: IdParam, query: DeliveriesQuery },
      responses: { 200: json(z.object({ items: z.array(Delivery) }), "One page of deliveries."), ...readErrors },
    }),
    async (c) => {
      const db = c.get("ctx").store.db;
      const { id } = c.req.valid("param");
      await getEndpoint(db, id);
      const items = await listDeliveries(db, id, c.req.valid("query").limit);
      return c.json({ items: items as z.infer<typeof Delivery>[] }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/webhooks/deliveries/{id}",
      summary: "One delivery with every request made for it",
      ...common,
      request: { params: IdParam },
      responses: { 200: json(DeliveryWithLog, "The delivery and its log, oldest request first."), ...readErrors },
    }),
    async (c) =>
      c.json((await deliveryWithAttempts(c.get("ctx").store.db, c.req.valid("param").id)) as z.infer<typeof DeliveryWithLog>, 200),
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/webhooks/deliveries/{id}/redeliver",
      summary: "Send a delivery again",
      description:
        "A failed one once its cause is fixed, or a sent one the receiver lost: it is due at once with its attempts counted afresh and keeps its webhook-id. One queued or being sent is refused with 409.",
      ...common,
      request: { params: IdParam },
      responses: { 200: json(Delivery, "Queued again."), ...writeErrors },
    }),
    async (c) => {
      const ctx = c.get("ctx");
      return c.json((await redeliver(ctx.store.db, c.req.valid("param").id, ctx.clock)) as z.infer<typeof Delivery>, 200);
    },
  );
}
