import { isNull } from "drizzle-orm";
import { outbox, webhookEndpoints } from "../../../db/schema.ts";
import type { Ctx } from "../kernel/context.ts";
import { insertMany } from "../kernel/ports/insert-many.ts";
import type { Statement } from "../kernel/ports/store.ts";
import { publicBaseUrl } from "../kernel/public-base-url.ts";
import { WEBHOOK_KIND, type WebhookEventType, type WebhookPayload } from "./events.ts";

/** The entity an event is about: its type in the outbox, and its place in the API for a receiver to fetch. */
export interface EventSubject {
  type: string;
  id: string;
  /** The API path that shows it, e.g. /api/v1/sub-processor-changes/{id}. */
  path: string;
}

/**
 * The outbox rows that tell every endpoint subscribed to `type` of an event:
 * callers put them in the event's own atomic unit, so the event and its
 * webhooks commit together or not at all, and a crash after the commit
 * loses none (the deliverer sends them from the outbox like e-mail). One row
 * per endpoint: its id is the message's webhook-id, the same on every retry.
 * Endpoints are read before the unit: one registered while the event is
 * being written may miss it, as it would a moment earlier.
 */
export async function webhookEvent(
  ctx: Ctx,
  type: WebhookEventType,
  subject: EventSubject,
  data: Record<string, unknown>,
  at: string,
): Promise<Statement[]> {
  const endpoints = await ctx.store.db
    .select({ id: webhookEndpoints.id, events: webhookEndpoints.events, enabled: webhookEndpoints.enabled })
    .from(webhookEndpoints)
    .where(isNull(webhookEndpoints.deletedAt));
  const listening = endpoints.filter((e) => e.enabled && e.events.includes(type));
  if (listening.length === 0) return [];
  const payload: WebhookPayload = {
    type,
    timestamp: at,
    data: { id: subject.id, href: `${publicBaseUrl(ctx)}${subject.path}`, ...data },
  };
  const body = JSON.stringify(payload);
  const rows = listening.map((endpoint) => ({
    id: ctx.newId(),
    kind: WEBHOOK_KIND,
    recipient: endpoint.id,
    subject: type,
    body,
    relatedType: subject.type,
    relatedId: subject.id,
    createdAt: at,
    status: "pending" as const,
    attempts: 0,
    nextAttemptAt: at,
    lastError: null,
    sentAt: null,
  }));
  return insertMany(ctx.store, outbox, rows);
}
