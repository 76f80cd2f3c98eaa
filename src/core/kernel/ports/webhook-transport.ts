/** What an endpoint answered: its status and the start of its body (for the delivery log). */
export interface WebhookResponse {
  status: number;
  body: string;
}

/**
 * Makes one POST to a webhook endpoint. Resolves with whatever the endpoint
 * answered (any status; redirects are not followed); rejects when no answer
 * came: refused, timed out, or an address the policy does not allow.
 */
export interface WebhookTransport {
  post(url: string, headers: Record<string, string>, body: string): Promise<WebhookResponse>;
}
