import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { listOutbox, OUTBOX_STATUSES, outboxSummary, retryMessage } from "../../core/outbox/index.ts";
import { parseInput } from "../../core/kernel/input/parse-input.ts";
import type { AppEnv } from "../env.ts";
import { requirePermission } from "../middleware/auth.ts";
import { IdParam, json, permissionOf, readErrors, security, writeErrors } from "./openapi-common.ts";

const OutboxQuery = z.strictObject({
  status: z.enum(OUTBOX_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
const OutboxMessage = z
  .object({
    id: z.string(),
    kind: z.string(),
    recipient: z.string(),
    subject: z.string(),
    body: z.string(),
    relatedType: z.string(),
    relatedId: z.string(),
    createdAt: z.string(),
    status: z.enum(OUTBOX_STATUSES),
    attempts: z.int(),
    nextAttemptAt: z.string(),
    lastError: z.string().nullable(),
    sentAt: z.string().nullable(),
  })
  .meta({ id: "OutboxMessage" });
const OutboxPage = z
  .object({
    summary: z.object({ counts: z.record(z.string(), z.int()), oldestPendingCreatedAt: z.string().nullable() }),
    items: z.array(OutboxMessage),
  })
  .meta({ id: "Outbox" });

/** The operator's view of e-mail delivery: what is queued, sent or failed, and why. */
export function registerOutboxRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/outbox",
      tags: ["Operations"],
      summary: "E-mails queued, sent and failed, newest first",
      security,
      ...permissionOf("operations:run"),
      middleware: [requirePermission("operations:run")] as const,
      request: { query: OutboxQuery },
      responses: { 200: json(OutboxPage, "Counts per status and one page of messages."), ...readErrors },
    }),
    async (c) => {
      const query = parseInput(OutboxQuery, c.req.query());
      const db = c.get("ctx").store.db;
      const [summary, items] = await Promise.all([outboxSummary(db), listOutbox(db, query)]);
      return c.json({ summary, items: items as z.infer<typeof OutboxMessage>[] }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/outbox/{id}/retry",
      tags: ["Operations"],
      summary: "Put a failed e-mail back in the queue",
      description:
        "For a message that failed (its reason is in lastError), once what made it fail is fixed: it is due at once, its attempts counted afresh. A message that is queued, being sent or sent is refused with 409.",
      security,
      ...permissionOf("operations:run"),
      middleware: [requirePermission("operations:run")] as const,
      request: { params: IdParam },
      responses: { 200: json(OutboxMessage, "Queued again."), ...writeErrors },
    }),
    async (c) => {
      const ctx = c.get("ctx");
      const message = await retryMessage(ctx.store.db, c.req.param("id"), ctx.clock);
      return c.json(message as z.infer<typeof OutboxMessage>, 200);
    },
  );
}
