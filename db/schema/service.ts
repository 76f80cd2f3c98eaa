// The service's own bookkeeping: the e-mail outbox, write guards for
// optimistic locking inside a batch, and secrets made on first use.
import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { LANGUAGES, OUTBOX_STATUSES } from "../../src/core/kernel/values/values.ts";

/**
 * E-mails to send, written in the same atomic unit as the event that causes
 * them, so a crash can neither lose one nor invent one. A deliverer sends
 * due rows and records the outcome; the row id is the Message-ID.
 */
export const outbox = sqliteTable(
  "outbox",
  {
    id: text("id").primaryKey(),
    kind: text("kind").notNull(),
    recipient: text("recipient").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    relatedType: text("related_type").notNull(),
    relatedId: text("related_id").notNull(),
    createdAt: text("created_at").notNull(),
    status: text("status", { enum: OUTBOX_STATUSES }).notNull(),
    attempts: integer("attempts").notNull(),
    nextAttemptAt: text("next_attempt_at").notNull(),
    lastError: text("last_error"),
    sentAt: text("sent_at"),
  },
  (t) => [
    index("outbox_due").on(t.status, t.nextAttemptAt),
    // A customer is reminded of a closing window once per notice, however many scheduler ticks run at once.
    uniqueIndex("outbox_window_reminder_once").on(t.relatedId).where(sql`kind = 'window_reminder'`),
  ],
);

/**
 * A batch cannot branch, so optimistic-lock checks are statements that fail:
 * inserting count(*) of the expected row here breaks the CHECK when the row
 * changed since it was read, which rolls back the whole atomic unit on both
 * better-sqlite3 and D1. The batch deletes its guard rows before it ends.
 */
export const writeGuards = sqliteTable("write_guards", { ok: integer("ok").notNull() }, (t) => [
  check("write_guards_ok", sql`${t.ok} = 1`),
]);

/** Secrets the service makes for itself on first use (e.g. the key that signs customer objection links). */
export const appSecrets = sqliteTable("app_secrets", {
  name: text("name").primaryKey(),
  value: text("value").notNull(),
  createdAt: text("created_at").notNull(),
});

/**
 * Reminders already queued, one per subject and due date (an activity's review): a tick that finds
 * the row does not queue the reminder again, and a review moved to another date is reminded again.
 */
export const remindersSent = sqliteTable(
  "reminders_sent",
  {
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id").notNull(),
    dueOn: text("due_on").notNull(),
    queuedAt: text("queued_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.subjectType, t.subjectId, t.dueOn] })],
);

/**
 * People who asked to be e-mailed when the organisation announces a change of
 * its sub-processors (the public page's subscribe form): pending until they
 * confirm through the link sent to the address (double opt-in), then
 * confirmed. Not the register: an address is deleted when its owner
 * unsubscribes, and a pending one after a week unconfirmed.
 */
export const subscribers = sqliteTable("subscribers", {
  id: text("id").primaryKey(),
  /** Lower-cased, so one address is one subscription. */
  email: text("email").notNull().unique(),
  language: text("language", { enum: LANGUAGES }).notNull(),
  status: text("status", { enum: ["pending", "confirmed"] }).notNull(),
  createdAt: text("created_at").notNull(),
  /** When the last confirmation e-mail was queued: another is sent no sooner than an hour later. */
  confirmationSentAt: text("confirmation_sent_at").notNull(),
  confirmedAt: text("confirmed_at"),
});

/**
 * Systems told of register events by signed HTTP requests (core/webhooks):
 * each event an endpoint subscribes to becomes one outbox row per endpoint,
 * written in the event's atomic unit and delivered like the e-mail beside it.
 * The secret signs the requests (Standard Webhooks, `whsec_` + base64); it
 * must be readable to sign, so it is stored as the receiver was given it.
 */
export const webhookEndpoints = sqliteTable("webhook_endpoints", {
  id: text("id").primaryKey(),
  url: text("url").notNull(),
  description: text("description").notNull(),
  /** The event types it receives, a JSON array (core/webhooks WEBHOOK_EVENTS). */
  events: text("events", { mode: "json" }).$type<string[]>().notNull(),
  secret: text("secret").notNull(),
  enabled: integer("enabled", { mode: "boolean" }).notNull(),
  createdAt: text("created_at").notNull(),
  updatedAt: text("updated_at").notNull(),
  /** Deleted endpoints stay for their delivery log; nothing is sent to them. */
  deletedAt: text("deleted_at"),
});

/** The delivery log: one row per request made to an endpoint, with what it answered. */
export const webhookAttempts = sqliteTable(
  "webhook_attempts",
  {
    id: text("id").primaryKey(),
    /** The outbox row (one event for one endpoint); its id is the webhook-id header. */
    messageId: text("message_id").notNull(),
    endpointId: text("endpoint_id").notNull(),
    attempt: integer("attempt").notNull(),
    startedAt: text("started_at").notNull(),
    durationMs: integer("duration_ms").notNull(),
    /** The HTTP status, or null when no answer came (refused, timed out, address not allowed). */
    status: integer("status"),
    ok: integer("ok", { mode: "boolean" }).notNull(),
    /** Why it failed, or the start of what the receiver answered. */
    detail: text("detail"),
  },
  (t) => [index("webhook_attempts_message").on(t.messageId, t.startedAt), index("webhook_attempts_endpoint").on(t.endpointId, t.startedAt)],
);
