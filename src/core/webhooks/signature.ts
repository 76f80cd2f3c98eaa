import { hmac } from "@noble/hashes/hmac.js";
import { sha256 } from "@noble/hashes/sha2.js";

// Standard Webhooks (standardwebhooks.com): the secret is "whsec_" + base64 of random bytes; a
// request carries webhook-id, webhook-timestamp (Unix seconds) and webhook-signature, which is
// "v1," + base64(HMAC-SHA256(secret, `${id}.${timestamp}.${body}`)). Receivers verify it with any
// of the convention's libraries (test/webhooks checks ours with the reference one).

const PREFIX = "whsec_";
const encoder = new TextEncoder();

const base64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));

/** A new signing secret: 32 random bytes. */
export function newWebhookSecret(): string {
  return PREFIX + base64(crypto.getRandomValues(new Uint8Array(32)));
}

/** The headers that sign one request of `body` for message `id` at `at`. */
export function signatureHeaders(secret: string, id: string, at: Date, body: string): Record<string, string> {
  const key = Uint8Array.from(atob(secret.slice(PREFIX.length)), (c) => c.charCodeAt(0));
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const signature = base64(hmac(sha256, key, encoder.encode(`${id}.${timestamp}.${body}`)));
  return { "webhook-id": id, "webhook-timestamp": timestamp, "webhook-signature": `v1,${signature}` };
}
