import { and, asc, count, desc, eq, inArray, lte, min, ne, sql } from "drizzle-orm";
import { outbox } from "../../../db/schema.ts";
import type { Clock } from "../kernel/context.ts";
import { isPermanentMailError, type Mailer } from "../kernel/ports/mailer.ts";
import { AppError, notFound } from "../kernel/errors.ts";
import { dpoEmail, loadOrganisation } from "../organisation/index.ts";
import { mailHtml } from "./mail-html.ts";
import { OUTBOX_STATUSES, type OutboxStatus } from "../kernel/values/values.ts";
import type { Db, Statement, Store } from "../kernel/ports/store.ts";
import { newId as defaultNewId } from "../kernel/context.ts";
import { sendWebhook, WEBHOOK_KIND, type WebhookSending } from "../webhooks/index.ts";

export { OUTBOX_STATUSES };
export type { OutboxStatus };
export type OutboxMessage = typeof outbox.$inferSelect;

/** How long a claimed message is reserved for the deliverer that claimed it; well above the SMTP timeouts. */
export const LEASE_MS = 5 * 60_000;
const FIRST_RETRY_MS = 60_000;
const LONGEST_RETRY_MS = 6 * 60 * 60_000;
const MAX_ERROR_LENGTH = 1_000;

/** Wait after the given number of failed attempts: 1 min, 2, 4, 8 … at most 6 h. */
export const retryDelayMs = (attempts: number): number => Math.min(FIRST_RETRY_MS * 2 ** Math.max(attempts - 1, 0), LONGEST_RETRY_MS);

export interface DeliveryReport {
  sent: number;
  retried: number;
  failed: number;
}

export interface DeliveryOptions {
  store: Store;
  /** Sends the e-mail; without one (no SMTP or mail API configured) e-mail stays queued. */
  mailer?: Mailer | null;
  /** Sends the webhooks; without it they stay queued. */
  webhooks?: WebhookSending | null;
  clock: Clock;
  /** Ids of the delivery log's rows. */
  newId?: () => string;
  limit?: number;
  maxAttempts?: number;
}

const at = (clock: Clock, plusMs = 0) => new Date(clock.now().getTime() + plusMs).toISOString();

/**
 * Sends the messages that are due, one at a time, and records each outcome:
 * e-mail through the mailer, webhooks through the webhook transport (with a
 * line in their delivery log in the same unit as the outcome).
 * Status changes here are bookkeeping about mail, not changes to the register,
 * so they write no audit entries.
 *
 * Delivery is at least once: if the process dies after the server accepted a
 * message but before "sent" is written, the claim's lease runs out and the
 * message is sent again. Its Message-ID (`<row id@dpa-register>`) is the same
 * every time, so receiving systems can recognise the duplicate.
 */
export async function deliverDueMessages(options: DeliveryOptions): Promise<DeliveryReport> {
  const { store, mailer, webhooks, clock, newId = defaultNewId, limit = 50, maxAttempts = 8 } = options;
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0 };
  if (!mailer && !webhooks) return report;
  // What this deliverer cannot send stays queued for one that can.
  const channel = !mailer ? eq(outbox.kind, WEBHOOK_KIND) : !webhooks ? ne(outbox.kind, WEBHOOK_KIND) : undefined;
  /** The DPO's address, read once per run (with the first message): every reply goes there. */
  let replyTo: string | null | undefined;
  // A "sending" row whose lease (its nextAttemptAt) has run out was claimed by
  // a deliverer that never finished: it is due again like a pending one.
  const due = await store.db
    .select({ id: outbox.id, attempts: outbox.attempts })
    .from(outbox)
    .where(and(inArray(outbox.status, ["pending", "sending"]), lte(outbox.nextAttemptAt, at(clock)), channel))
    .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
    .limit(limit);
  for (const candidate of due) {
    const message = await claim(store.db, candidate, clock);
    if (!message) continue;
    const finish = (values: Partial<OutboxMessage>, log: Statement[] = []) =>
      store.atomic([finishClaim(store.db, message, values), ...log]);
    if (message.attempts > maxAttempts) {
      // Only a claim that outlived its lease gets here: do not let a message that
      // keeps killing the deliverer be retried for ever.
      await finish({
        status: "failed",
        nextAttemptAt: at(clock),
        lastError: `Gave up after ${message.attempts - 1} attempts; the last one never reported back.`,
      });
      report.failed++;
      continue;
    }
    const outcome =
      message.kind === WEBHOOK_KIND && webhooks
        ? await sendWebhook(store.db, message, webhooks, clock, newId)
        : await sendMail(message, mailer as Mailer, async () => (replyTo ??= await dpoAddress(store.db)));
    if (outcome.error !== undefined) {
      const lastError = describe(outcome.error);
      if (outcome.permanent || message.attempts >= maxAttempts) {
        await finish({ status: "failed", nextAttemptAt: at(clock), lastError }, outcome.log);
        report.failed++;
      } else {
        await finish({ status: "pending", nextAttemptAt: at(clock, retryDelayMs(message.attempts)), lastError }, outcome.log);
        report.retried++;
      }
      continue;
    }
    const now = at(clock);
    await finish({ status: "sent", sentAt: now, nextAttemptAt: now, lastError: null }, outcome.log);
    report.sent++;
  }
  return report;
}

/**
 * Takes a message for this deliverer, or returns undefined if another one took
 * it first. `attempts` goes up by one with every claim, so it is the row's
 * version: the update only applies if nobody claimed the row since we read it.
 * It runs as a single UPDATE … RETURNING rather than through Store.atomic,
 * because atomic() cannot say whether its update matched a row and reading the
 * row back cannot tell which of two racing deliverers won. One statement
 * commits on its own on both drivers, and RETURNING works on better-sqlite3
 * and D1 alike.
 */
async function claim(db: Db, candidate: { id: string; attempts: number }, clock: Clock): Promise<OutboxMessage | undefined> {
  const [claimed] = await db
    .update(outbox)
    .set({ status: "sending", attempts: sql`${outbox.attempts} + 1`, nextAttemptAt: at(clock, LEASE_MS) })
    .where(
      and(
        eq(outbox.id, candidate.id),
        eq(outbox.attempts, candidate.attempts),
        inArray(outbox.status, ["pending", "sending"]),
        lte(outbox.nextAttemptAt, at(clock)),
      ),
    )
    .returning();
  return claimed;
}

/** Records the outcome, unless the lease ran out and another deliverer has claimed the row since. */
function finishClaim(db: Db, claimed: OutboxMessage, values: Partial<OutboxMessage>) {
  return db
    .update(outbox)
    .set(values)
    .where(and(eq(outbox.id, claimed.id), eq(outbox.status, "sending"), eq(outbox.attempts, claimed.attempts)));
}

/** One e-mail handed to the mailer; replies go to the DPO unless the DPO is the one written to. */
async function sendMail(
  message: OutboxMessage,
  mailer: Mailer,
  dpo: () => Promise<string | null>,
): Promise<{ error?: unknown; permanent?: boolean; log?: Statement[] }> {
  try {
    const replyTo = await dpo();
    await mailer.send({
      messageId: message.id,
      to: message.recipient,
      subject: message.subject,
      text: message.body,
      html: mailHtml(message.subject, message.body),
      ...(replyTo && replyTo.toLowerCase() !== message.recipient.toLowerCase() ? { replyTo } : {}),
    });
    return {};
  } catch (error) {
    return { error, permanent: isPermanentMailError(error) };
  }
}

async function dpoAddress(db: Db): Promise<string | null> {
  const organisation = await loadOrganisation(db);
  return organisation ? dpoEmail(organisation) : null;
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}

export interface OutboxSummary {
  counts: Record<OutboxStatus, number>;
  /** When the oldest message not yet delivered (pending or being sent) was queued; null if none. */
  oldestPendingCreatedAt: string | null;
}

/** Counts per status and the age of the backlog, for monitoring. */
export async function outboxSummary(db: Db): Promise<OutboxSummary> {
  const rows = await db.select({ status: outbox.status, count: count() }).from(outbox).groupBy(outbox.status);
  const [oldest] = await db
    .select({ createdAt: min(outbox.createdAt) })
    .from(outbox)
    .where(inArray(outbox.status, ["pending", "sending"]));
  const counts: Record<OutboxStatus, number> = { pending: 0, sending: 0, sent: 0, failed: 0 };
  for (const row of rows) {
    if (OUTBOX_STATUSES.includes(row.status)) counts[row.status] = row.count;
  }
  return { counts, oldestPendingCreatedAt: oldest?.createdAt ?? null };
}

/** Messages newest first, optionally with one status. */
export async function listOutbox(db: Db, query: { status?: OutboxStatus; limit?: number } = {}): Promise<OutboxMessage[]> {
  const limit = Math.min(Math.max(Math.trunc(query.limit ?? 100), 1), 500);
  return db
    .select()
    .from(outbox)
    .where(query.status ? eq(outbox.status, query.status) : undefined)
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(limit);
}

/** One message, for the outbox's page in the admin UI. */
export async function outboxMessage(db: Db, id: string): Promise<OutboxMessage> {
  const [message] = await db.select().from(outbox).where(eq(outbox.id, id));
  if (!message) throw notFound("outbox message", id);
  return message;
}

/**
 * Puts a failed message back in the queue, due now, with its attempts counted
 * afresh (after, say, a mailbox was fixed). Only a failed message: one still
 * queued or being sent would then go twice, and a sent one has gone. The last
 * error stays until the next attempt replaces it.
 */
export async function retryMessage(db: Db, id: string, clock: Clock): Promise<OutboxMessage> {
  const [retried] = await db
    .update(outbox)
    .set({ status: "pending", attempts: 0, nextAttemptAt: at(clock) })
    .where(and(eq(outbox.id, id), eq(outbox.status, "failed")))
    .returning();
  if (retried) return retried;
  const message = await outboxMessage(db, id);
  throw new AppError(
    "conflict",
    `Message ${id} is ${message.status}: only a failed message is put back in the queue. Nothing was changed.`,
  );
}
