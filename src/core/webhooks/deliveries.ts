import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { outbox, webhookAttempts } from "../../../db/schema.ts";
import type { Clock } from "../kernel/context.ts";
import { AppError, notFound } from "../kernel/errors.ts";
import type { Db } from "../kernel/ports/store.ts";
import { WEBHOOK_KIND } from "./events.ts";

export type WebhookAttempt = typeof webhookAttempts.$inferSelect;

/** One event for one endpoint, as the delivery log shows it. */
export interface WebhookDelivery {
  id: string;
  endpointId: string;
  event: string;
  /** What was (or will be) sent, exactly: the signed body. */
  payload: string;
  relatedType: string;
  relatedId: string;
  createdAt: string;
  status: "pending" | "sending" | "sent" | "failed";
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  sentAt: string | null;
}

type Row = typeof outbox.$inferSelect;
const delivery = (row: Row): WebhookDelivery => ({
  id: row.id,
  endpointId: row.recipient,
  event: row.subject,
  payload: row.body,
  relatedType: row.relatedType,
  relatedId: row.relatedId,
  createdAt: row.createdAt,
  status: row.status,
  attempts: row.attempts,
  nextAttemptAt: row.nextAttemptAt,
  lastError: row.lastError,
  sentAt: row.sentAt,
});

/** An endpoint's deliveries, newest first. */
export async function listDeliveries(db: Db, endpointId: string, limit = 100): Promise<WebhookDelivery[]> {
  const rows = await db
    .select()
    .from(outbox)
    .where(and(eq(outbox.kind, WEBHOOK_KIND), eq(outbox.recipient, endpointId)))
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(Math.min(Math.max(Math.trunc(limit), 1), 500));
  return rows.map(delivery);
}

/** One delivery with every request made for it, oldest first. */
export async function deliveryWithAttempts(db: Db, id: string): Promise<WebhookDelivery & { log: WebhookAttempt[] }> {
  const [row] = await db
    .select()
    .from(outbox)
    .where(and(eq(outbox.id, id), eq(outbox.kind, WEBHOOK_KIND)));
  if (!row) throw notFound("webhook delivery", id);
  const log = await db
    .select()
    .from(webhookAttempts)
    .where(eq(webhookAttempts.messageId, id))
    .orderBy(asc(webhookAttempts.startedAt), asc(webhookAttempts.id));
  return { ...delivery(row), log };
}

/**
 * Sends a delivery again, due now with its attempts counted afresh: a failed
 * one once its cause is fixed, or a sent one a receiver lost. It keeps its
 * webhook-id, so a receiver that did process it can tell. One still queued or
 * being sent is refused: it would then go twice.
 */
export async function redeliver(db: Db, id: string, clock: Clock): Promise<WebhookDelivery> {
  const [queued] = await db
    .update(outbox)
    .set({ status: "pending", attempts: 0, nextAttemptAt: clock.now().toISOString() })
    .where(and(eq(outbox.id, id), eq(outbox.kind, WEBHOOK_KIND), inArray(outbox.status, ["sent", "failed"])))
    .returning();
  if (queued) return delivery(queued);
  const current = await deliveryWithAttempts(db, id);
  throw new AppError("conflict", `Delivery ${id} is ${current.status}: it goes with the next delivery run already. Nothing was changed.`);
}
