import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { webhookEndpoints } from "../../../db/schema.ts";
import { auditStatement } from "../kernel/audit/audit-statement.ts";
import type { Ctx } from "../kernel/context.ts";
import { invalid, notFound } from "../kernel/errors.ts";
import { clearGuards, guardCount } from "../kernel/write-guard.ts";
import { inputIssues } from "../kernel/input/parse-input.ts";
import type { Db } from "../kernel/ports/store.ts";
import { DEFAULT_WEBHOOK_POLICY, urlRefusal } from "./endpoint-policy.ts";
import { WEBHOOK_EVENTS } from "./events.ts";
import { newWebhookSecret } from "./signature.ts";

type EndpointRow = typeof webhookEndpoints.$inferSelect;

/** An endpoint as the API and the audit trail show it: never its secret. */
export type WebhookEndpoint = Omit<EndpointRow, "secret">;

const Events = z
  .array(z.enum(WEBHOOK_EVENTS))
  .min(1, "Choose at least one event.")
  .transform((events) => WEBHOOK_EVENTS.filter((e) => events.includes(e)));

export const EndpointInput = z.strictObject({
  url: z.string().trim().min(1, "Give the URL that receives the events.").max(2000),
  description: z.string().trim().max(500).default(""),
  events: Events,
  enabled: z.boolean().default(true),
});
export const EndpointPatch = EndpointInput.partial().refine((p) => Object.keys(p).length > 0, "Give at least one field to change.");

/**
 * The input, or one refusal naming every bad field: the schema's findings and,
 * for a URL that is well-formed text, whether the operator's policy allows it.
 */
function parseEndpoint<T extends { url?: string }>(ctx: Ctx, schema: z.ZodType<T>, raw: unknown): T {
  const result = schema.safeParse(raw);
  const issues = inputIssues(raw, result.success ? null : result.error);
  const url = (raw as { url?: unknown } | null)?.url;
  const refusal = typeof url === "string" && url.trim() ? urlRefusal(url.trim(), ctx.webhookPolicy ?? DEFAULT_WEBHOOK_POLICY) : null;
  if (refusal && !issues.some((i) => i.path === "url")) issues.unshift({ path: "url", message: refusal });
  if (!result.success || issues.length > 0) throw invalid(issues);
  return result.data;
}

const shown = ({ secret: _secret, ...endpoint }: EndpointRow): WebhookEndpoint => endpoint;

async function row(db: Db, id: string): Promise<EndpointRow> {
  const [found] = await db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, id), isNull(webhookEndpoints.deletedAt)));
  if (!found) throw notFound("webhook endpoint", id);
  return found;
}

export async function listEndpoints(db: Db): Promise<WebhookEndpoint[]> {
  const rows = await db.select().from(webhookEndpoints).where(isNull(webhookEndpoints.deletedAt)).orderBy(asc(webhookEndpoints.createdAt));
  return rows.map(shown);
}

export const getEndpoint = async (db: Db, id: string): Promise<WebhookEndpoint> => shown(await row(db, id));

/** Registers an endpoint; its signing secret is returned here (and on rotation) only. */
export async function createEndpoint(ctx: Ctx, raw: unknown): Promise<WebhookEndpoint & { secret: string }> {
  const input = parseEndpoint(ctx, EndpointInput, raw);
  const at = ctx.clock.now().toISOString();
  const created: EndpointRow = { id: ctx.newId(), ...input, secret: newWebhookSecret(), createdAt: at, updatedAt: at, deletedAt: null };
  await ctx.store.atomic([
    ctx.store.db.insert(webhookEndpoints).values(created),
    auditStatement(
      ctx,
      { action: "create", entityType: "webhook_endpoint", entityId: created.id, before: null, after: shown(created) },
      at,
    ),
  ]);
  return { ...shown(created), secret: created.secret };
}

/** Only a change from the state read is written: an endpoint edited meanwhile refuses it (409) rather than lose the other edit. */
async function write(ctx: Ctx, before: EndpointRow, after: EndpointRow, action: "update" | "delete", reason?: string): Promise<void> {
  const db = ctx.store.db;
  const unchanged = sql`(select count(*) from ${webhookEndpoints} where ${webhookEndpoints.id} = ${before.id} and ${webhookEndpoints.updatedAt} = ${before.updatedAt})`;
  await ctx.store.atomic([
    guardCount(db, unchanged, 1),
    db.update(webhookEndpoints).set(after).where(eq(webhookEndpoints.id, before.id)),
    auditStatement(
      ctx,
      { action, entityType: "webhook_endpoint", entityId: before.id, before: shown(before), after: shown(after), reason },
      after.updatedAt,
    ),
    clearGuards(db),
  ]);
}

export async function updateEndpoint(ctx: Ctx, id: string, raw: unknown): Promise<WebhookEndpoint> {
  const patch = parseEndpoint(ctx, EndpointPatch, raw);
  const before = await row(ctx.store.db, id);
  const after: EndpointRow = { ...before, ...patch, updatedAt: ctx.clock.now().toISOString() };
  await write(ctx, before, after, "update");
  return shown(after);
}

/** A new secret, for when the old one may have leaked; requests are signed with it from the next attempt on. */
export async function rotateEndpointSecret(ctx: Ctx, id: string): Promise<WebhookEndpoint & { secret: string }> {
  const before = await row(ctx.store.db, id);
  const after: EndpointRow = { ...before, secret: newWebhookSecret(), updatedAt: ctx.clock.now().toISOString() };
  await write(ctx, before, after, "update", "signing secret rotated");
  return { ...shown(after), secret: after.secret };
}

/** Stops all delivery to it; its delivery log stays. */
export async function deleteEndpoint(ctx: Ctx, id: string): Promise<void> {
  const before = await row(ctx.store.db, id);
  const at = ctx.clock.now().toISOString();
  await write(ctx, before, { ...before, enabled: false, updatedAt: at, deletedAt: at }, "delete");
}
