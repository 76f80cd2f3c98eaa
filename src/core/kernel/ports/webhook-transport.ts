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

/**
 * Where webhooks may go, set by the operator (WEBHOOK_SCHEMES, WEBHOOK_HOSTS,
 * WEBHOOK_PRIVATE_ADDRESSES). A register that makes requests on an admin's
 * say-so must not become a way into the network it runs in: by default only
 * https, to any public host, and never to loopback, private or link-local
 * addresses (checked on the URL here and, on Node, on every address the
 * name resolves to when the request is made).
 */
export interface WebhookPolicy {
  /** e.g. ["https"]. */
  schemes: string[];
  /** "*" for any host, "example.com" for that host, "*.example.com" for its subdomains. */
  hosts: string[];
  /** Whether loopback, private and link-local addresses may be called (a test receiver, an internal system). */
  privateAddresses: boolean;
}
