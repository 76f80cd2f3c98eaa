import type { Ctx } from "../../kernel/context.ts";
import type { Statement } from "../../kernel/ports/store.ts";
import { type WebhookEventType, webhookEvent } from "../../webhooks/index.ts";
import type { TermsChange } from "../model/terms-change.ts";

/** The webhook statements for an event in a terms change's life, for the unit that writes it. */
export function termsEvent(
  ctx: Ctx,
  type: Extract<WebhookEventType, `terms.${string}`>,
  change: TermsChange,
  at: string,
  extra: Record<string, unknown> = {},
): Promise<Statement[]> {
  return webhookEvent(
    ctx,
    type,
    { type: "terms_change", id: change.id, path: `/api/v1/terms-changes/${change.id}` },
    {
      version: change.version,
      status: change.status,
      effectiveOn: change.effectiveOn,
      earliestEffective: change.earliestEffective,
      effectiveAt: change.effectiveAt,
      withdrawnAt: change.withdrawnAt,
      ...extra,
    },
    at,
  );
}
