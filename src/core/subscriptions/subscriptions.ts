import { and, eq, lt } from "drizzle-orm";
import { z } from "zod";
import { outbox, subscribers } from "../../../db/schema.ts";
import type { Ctx } from "../kernel/context.ts";
import { translate } from "../kernel/i18n/localise.ts";
import { parseInput } from "../kernel/input/parse-input.ts";
import { LANGUAGES, type Language } from "../kernel/values/values.ts";
import { loadOrganisation } from "../organisation/index.ts";
import { type MessageKind, type OutboxRow, outboxRow } from "../outbox/index.ts";
import { subscriberOfToken, subscriptionLinks } from "./subscription-links.ts";

export type Subscriber = typeof subscribers.$inferSelect;

export const SubscribeInput = z.object({
  email: z.email().max(320),
  language: z.enum(LANGUAGES),
});

/** Another confirmation e-mail to the same address no sooner than this: the form cannot be used to flood a mailbox. */
const RESEND_AFTER_MS = 60 * 60_000;
/** An address nobody confirmed is deleted after this. */
export const UNCONFIRMED_KEPT_DAYS = 7;

/**
 * Asks for e-mail updates: a new address is kept as pending and sent a link to
 * confirm (double opt-in), in the same atomic unit. The answer is the same
 * whatever the address's state, so the form tells nobody who subscribed.
 */
export async function subscribe(ctx: Ctx, raw: unknown): Promise<void> {
  const input = parseInput(SubscribeInput, raw);
  const email = input.email.trim().toLowerCase();
  const db = ctx.store.db;
  const now = ctx.clock.now();
  const at = now.toISOString();
  const [existing] = await db.select().from(subscribers).where(eq(subscribers.email, email));
  if (existing?.status === "confirmed") return;
  if (existing && now.getTime() - Date.parse(existing.confirmationSentAt) < RESEND_AFTER_MS) return;
  const organisation = await loadOrganisation(db);
  if (!organisation) return;
  const subscriber: Subscriber = existing
    ? { ...existing, language: input.language, confirmationSentAt: at }
    : { id: ctx.newId(), email, language: input.language, status: "pending", createdAt: at, confirmationSentAt: at, confirmedAt: null };
  const link = (await subscriptionLinks(ctx))(subscriber.id);
  const t = (key: string) =>
    translate(subscriber.language, key, { organisation: organisation.legalName, link, days: UNCONFIRMED_KEPT_DAYS });
  const mail = outboxRow(
    ctx,
    {
      kind: "subscription_confirmation",
      recipient: email,
      subject: t("subscription.confirm.subject"),
      body: `${t("subscription.confirm.body")}\n`,
      related: { type: "subscriber", id: subscriber.id },
    },
    at,
  );
  await ctx.store.atomic([
    existing
      ? db.update(subscribers).set({ language: subscriber.language, confirmationSentAt: at }).where(eq(subscribers.id, existing.id))
      : // Two first requests for one address at once: the second inserts nothing (its e-mail's link then opens nothing).
        db.insert(subscribers).values(subscriber).onConflictDoNothing(),
    db.insert(outbox).values(mail),
  ]);
}

/** The subscription a link opens, or null (a forged link, or one whose subscription was deleted). */
export async function subscriptionOf(ctx: Ctx, token: string): Promise<Subscriber | null> {
  const id = await subscriberOfToken(ctx, token);
  if (!id) return null;
  const [row] = await ctx.store.db.select().from(subscribers).where(eq(subscribers.id, id));
  return row ?? null;
}

/** Confirms through the link (again: nothing changes); null when the link opens nothing. */
export async function confirmSubscription(ctx: Ctx, token: string): Promise<Subscriber | null> {
  const found = await subscriptionOf(ctx, token);
  if (!found || found.status === "confirmed") return found;
  const at = ctx.clock.now().toISOString();
  await ctx.store.atomic([
    ctx.store.db.update(subscribers).set({ status: "confirmed", confirmedAt: at }).where(eq(subscribers.id, found.id)),
  ]);
  return { ...found, status: "confirmed", confirmedAt: at };
}

/** Unsubscribes through the link: the address is deleted. False when the link opens nothing (already gone). */
export async function unsubscribe(ctx: Ctx, token: string): Promise<boolean> {
  const found = await subscriptionOf(ctx, token);
  if (!found) return false;
  await ctx.store.atomic([ctx.store.db.delete(subscribers).where(eq(subscribers.id, found.id))]);
  return true;
}

/** Deletes the addresses nobody confirmed within UNCONFIRMED_KEPT_DAYS (the scheduler's tick). */
export async function forgetUnconfirmed(ctx: Ctx): Promise<void> {
  const before = new Date(ctx.clock.now().getTime() - UNCONFIRMED_KEPT_DAYS * 86_400_000).toISOString();
  await ctx.store.atomic([
    ctx.store.db.delete(subscribers).where(and(eq(subscribers.status, "pending"), lt(subscribers.createdAt, before))),
  ]);
}

/**
 * The e-mails telling every confirmed subscriber of an event, each in its
 * language and with its own link to unsubscribe; the caller writes them in
 * the event's atomic unit. `compose` gives the subject and the body.
 */
export async function subscriberMails(
  ctx: Ctx,
  kind: MessageKind,
  compose: (lang: Language, unsubscribeLink: string) => { subject: string; body: string },
  related: { type: string; id: string },
  at: string,
): Promise<OutboxRow[]> {
  const confirmed = await ctx.store.db.select().from(subscribers).where(eq(subscribers.status, "confirmed"));
  if (confirmed.length === 0) return [];
  const linkOf = await subscriptionLinks(ctx);
  return confirmed.map((s) => outboxRow(ctx, { kind, recipient: s.email, ...compose(s.language, linkOf(s.id)), related }, at));
}
