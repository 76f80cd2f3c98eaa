import { eq } from "drizzle-orm";
import { webhookAttempts, webhookEndpoints } from "../../../db/schema.ts";
import type { Clock } from "../kernel/context.ts";
import type { Db, Statement } from "../kernel/ports/store.ts";
import type { WebhookTransport } from "../kernel/ports/webhook-transport.ts";
import { urlRefusal, type WebhookPolicy } from "./endpoint-policy.ts";
import { signatureHeaders } from "./signature.ts";

/** How webhooks leave this process: the platform's transport and the operator's policy. */
export interface WebhookSending {
  transport: WebhookTransport;
  policy: WebhookPolicy;
}

/** A webhook message as the outbox holds it: the endpoint's id as recipient, the signed body. */
export interface QueuedWebhook {
  id: string;
  recipient: string;
  body: string;
  attempts: number;
}

/** How one attempt went: an error (permanent: retrying cannot help) or none, and its line in the delivery log. */
export interface WebhookOutcome {
  error?: string;
  permanent?: boolean;
  log: Statement[];
}

const EXCERPT = 500;
const excerpt = (text: string): string => (text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1)}…` : text);

/**
 * Makes one signed request for a queued webhook and says how it went. Any
 * 2xx is delivered; any other answer or none is retried by the outbox with
 * growing delays. An endpoint deleted, disabled or outside the policy since
 * the event fails the message at once: an admin redelivers it once fixed.
 */
export async function sendWebhook(
  db: Db,
  message: QueuedWebhook,
  sending: WebhookSending,
  clock: Clock,
  newId: () => string,
): Promise<WebhookOutcome> {
  const [endpoint] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, message.recipient));
  const started = clock.now();
  const logged = (status: number | null, ok: boolean, detail: string | null, durationMs = 0): Statement[] => [
    db.insert(webhookAttempts).values({
      id: newId(),
      messageId: message.id,
      endpointId: message.recipient,
      attempt: message.attempts,
      startedAt: started.toISOString(),
      durationMs,
      status,
      ok,
      detail,
    }),
  ];
  const refused = (error: string): WebhookOutcome => ({ error, permanent: true, log: logged(null, false, error) });
  if (!endpoint || endpoint.deletedAt) return refused("The endpoint was deleted.");
  if (!endpoint.enabled) return refused("The endpoint is disabled; enable it, then redeliver.");
  const outsidePolicy = urlRefusal(endpoint.url, sending.policy);
  if (outsidePolicy) return refused(outsidePolicy);
  const headers = {
    "content-type": "application/json",
    "user-agent": "dpa-register-webhooks/1",
    ...signatureHeaders(endpoint.secret, message.id, started, message.body),
  };
  const begin = performance.now();
  try {
    const answer = await sending.transport.post(endpoint.url, headers, message.body);
    const durationMs = Math.round(performance.now() - begin);
    const ok = answer.status >= 200 && answer.status < 300;
    const body = excerpt(answer.body);
    const log = logged(answer.status, ok, body || null, durationMs);
    return ok ? { log } : { error: `The endpoint answered ${answer.status}${body ? `: ${body}` : "."}`, log };
  } catch (error) {
    const reason = excerpt(error instanceof Error ? error.message : String(error));
    return { error: `No answer: ${reason}`, log: logged(null, false, reason, Math.round(performance.now() - begin)) };
  }
}
