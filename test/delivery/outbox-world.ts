import { eq } from "drizzle-orm";
import { afterEach, beforeEach } from "vitest";
import { outbox } from "../../db/schema.ts";
import { makeCtx, SYSTEM_ACTOR } from "../../src/core/kernel/context.ts";
import type { Mailer } from "../../src/core/kernel/ports/mailer.ts";
import type { Store } from "../../src/core/kernel/ports/store.ts";
import { deliverDueMessages } from "../../src/core/outbox/deliver-outbox.ts";
import { type OutboxRow, type OutgoingMessage, outboxRow } from "../../src/core/outbox/queue-message.ts";
import { createSmtpMailer } from "../../src/platform/node/smtp-mailer.ts";
import type { SqliteStore } from "../../src/platform/node/sqlite-store.ts";
import { stopStartedAfterEach } from "../helpers/cleanup.ts";
import { type SmtpSink, type SmtpSinkOptions, startSmtpSink } from "../helpers/smtp.ts";
import { memoryStore } from "../helpers/sqlite.ts";

/**
 * The world the outbox delivery tests share: a fresh in-memory store and a clock
 * set to 2026-03-02 09:00 UTC for every test, SMTP sinks, and helpers to queue,
 * read and deliver outbox rows. `current` and `store` are live bindings: they
 * change for each test, so read them where they are used, never copy them at load.
 */
export const FROM = "register@dpa.example";
export const MINUTE = 60_000;
export const DUTCH_SUBJECT = "Kennisgeving wijziging subverwerker – é";

export let current: Date;
export const clock = { now: () => current };
export const iso = (date: Date) => date.toISOString();
export const advance = (ms: number) => (current = new Date(current.getTime() + ms));
export const later = (ms: number) => iso(new Date(current.getTime() + ms));
/** Sets the clock to `date` (the test files cannot assign the imported `current` themselves). */
export const setNow = (date: Date) => (current = date);

export let store: SqliteStore;
export const cleanups: (() => unknown)[] = [];

/**
 * Hooks the world into the calling test file; call it once, at the top of each file.
 * Processes, servers and SMTP sinks started through the helpers are stopped by these hooks, even when a test fails or times out.
 */
export function useOutboxWorld(): void {
  stopStartedAfterEach();
  beforeEach(() => {
    current = new Date("2026-03-02T09:00:00.000Z");
    store = memoryStore();
    cleanups.push(() => store.close());
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
}

export async function sink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const started = await startSmtpSink(options);
  cleanups.push(() => started.stop());
  return started;
}

export const mailerFor = (target: SmtpSink | string): Mailer =>
  createSmtpMailer({ url: typeof target === "string" ? target : target.url, from: FROM });

let counter = 0;
export function message(overrides: Partial<OutgoingMessage> = {}): OutgoingMessage {
  counter++;
  return {
    kind: "change_notice",
    recipient: `customer-${counter}@example.test`,
    subject: `Notice ${counter}`,
    body: `Dear customer,\n\nNotice number ${counter}.\n`,
    related: { type: "sub_processor_change", id: `change-${counter}` },
    ...overrides,
  };
}

/** Queues a message the way use cases do, optionally with the row altered (e.g. not yet due). */
export async function queue(
  overrides: Partial<OutgoingMessage> = {},
  row: Partial<OutboxRow> = {},
  into: Store = store,
): Promise<OutboxRow> {
  const queued = { ...outboxRow(makeCtx(into, SYSTEM_ACTOR, clock), message(overrides), iso(current)), ...row };
  await into.atomic([into.db.insert(outbox).values(queued)]);
  return queued;
}

export async function rowOf(id: string) {
  const [row] = await store.db.select().from(outbox).where(eq(outbox.id, id));
  if (!row) throw new Error(`no outbox row ${id}`);
  return row;
}

export const deliver = (mailer: Mailer, extra: { limit?: number; maxAttempts?: number } = {}) =>
  deliverDueMessages({ store, mailer, clock, ...extra });
