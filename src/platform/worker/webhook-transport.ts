import type { WebhookResponse, WebhookTransport } from "../../core/kernel/ports/webhook-transport.ts";

const TIMEOUT_MS = 15_000;
const MAX_BODY = 4_096;

/**
 * Webhooks from a Worker: fetch, redirects not followed (a redirect could
 * lead past the allow-list). Cloudflare does not let a Worker's fetch reach
 * private networks; the URL itself was checked against the policy.
 */
export const fetchWebhookTransport: WebhookTransport = {
  async post(url, headers, body): Promise<WebhookResponse> {
    const response = await fetch(url, { method: "POST", headers, body, redirect: "manual", signal: AbortSignal.timeout(TIMEOUT_MS) });
    const text = await response.text();
    return { status: response.status, body: text.slice(0, MAX_BODY) };
  },
};
