import { hmac } from "@noble/hashes/hmac.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { fromBase64url, toBase64url } from "./base64url.ts";

// The signature of a capability link (a customer's objection link, a subscriber's link):
// HMAC-SHA256 over a purpose prefix and the link's text, in base64url. Signing uses @noble/hashes
// (pure JS, synchronous, on Node and in Workers: announcing signs thousands at a time); checking
// uses WebCrypto's verify, which compares in constant time. Both are the standard HMAC-SHA256
// (test/objection/link-token.test.ts checks they agree).

export const SIGNATURE_BYTES = 32;
const encoder = new TextEncoder();

/** Signs texts for one purpose with one key: the keyed hash is set up once, each signature continues from a copy. */
export function linkSigner(secret: Uint8Array, purpose: string): (text: string) => string {
  const keyed = hmac.create(sha256, secret);
  return (text) =>
    toBase64url(
      keyed
        .clone()
        .update(encoder.encode(`${purpose}${text}`))
        .digest(),
    );
}

/** Whether `signature` (base64url) is the key's signature of the text for that purpose. */
export async function linkSignatureValid(
  secret: Uint8Array<ArrayBuffer>,
  purpose: string,
  text: string,
  signature: string,
): Promise<boolean> {
  const bytes = fromBase64url(signature);
  if (!bytes || bytes.length !== SIGNATURE_BYTES) return false;
  const key = await crypto.subtle.importKey("raw", secret, { name: "HMAC", hash: "SHA-256" }, false, ["verify"]);
  return crypto.subtle.verify("HMAC", key, bytes, encoder.encode(`${purpose}${text}`));
}
