import { outbox } from "../../../db/schema.ts";
import type { Ctx } from "../kernel/context.ts";
import type { Statement } from "../kernel/ports/store.ts";

export const MESSAGE_KINDS = [
  "change_notice",
  "authorisation_request",
  "dpo_reminder",
  "objection_alert",
  "objection_receipt",
  "window_reminder",
  "subscription_confirmation",
  "subscriber_notice",
  "change_effective",
  "change_withdrawn",
  "duty_reminder",
  "review_reminder",
  "breach_notice",
  "breach_update",
  "terms_notice",
  "terms_effective",
  "terms_withdrawn",
  // A signed request to a webhook endpoint (core/webhooks), not an e-mail.
  "webhook",
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** An e-mail to send, built by the use case whose event causes it. */
export interface OutgoingMessage {
  kind: MessageKind;
  recipient: string;
  subject: string;
  body: string;
  /** The register entity the message is about, e.g. a change notice. */
  related: { type: string; id: string };
}

export type OutboxRow = typeof outbox.$inferInsert;

/** The outbox row for a message, due now; callers put it in the atomic unit of the event. */
export function outboxRow(ctx: Ctx, message: OutgoingMessage, at: string): OutboxRow {
  return {
    id: ctx.newId(),
    kind: message.kind,
    recipient: message.recipient,
    subject: message.subject,
    body: message.body,
    relatedType: message.related.type,
    relatedId: message.related.id,
    createdAt: at,
    status: "pending",
    attempts: 0,
    nextAttemptAt: at,
    lastError: null,
    sentAt: null,
  };
}

export function queueMessage(ctx: Ctx, message: OutgoingMessage, at: string): Statement {
  return ctx.store.db.insert(outbox).values(outboxRow(ctx, message, at));
}
