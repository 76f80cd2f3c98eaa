import type { Ctx } from "../kernel/context.ts";
import type { Statement } from "../kernel/ports/store.ts";
import { type WebhookEventType, webhookEvent } from "../webhooks/index.ts";
import type { SubProcessorChange } from "./model/sub-processor-change.ts";

/**
 * The webhook statements for an event in a change's life, for the unit that
 * writes it: what a procurement workflow needs to decide whether to act
 * (which sub-processor, what kind of change, when it may take effect) and
 * where to read the rest.
 */
export function changeEvent(
  ctx: Ctx,
  type: Extract<WebhookEventType, `change.${string}`>,
  change: SubProcessorChange,
  at: string,
  extra: Record<string, unknown> = {},
): Promise<Statement[]> {
  return webhookEvent(
    ctx,
    type,
    { type: "sub_processor_change", id: change.id, path: `/api/v1/sub-processor-changes/${change.id}` },
    {
      kind: change.kind,
      status: change.status,
      subProcessorId: change.subProcessorId,
      replacesId: change.replacesId,
      intendedStart: change.intendedStart,
      earliestStart: change.earliestStart,
      effectiveAt: change.effectiveAt,
      withdrawnAt: change.withdrawnAt,
      ...extra,
    },
    at,
  );
}
