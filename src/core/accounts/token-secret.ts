import { toBase64url } from "../kernel/secrets/base64url.ts";

/** Secrets are 256 random bits; a prefix makes a leaked token recognisable to secret scanners. */
const PREFIX = "dpar_";

export function newTokenSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return PREFIX + toBase64url(bytes);
}

/**
 * SHA-256 is the right hash here: unlike passwords, the secrets are random
 * and long, so a slow hash adds nothing, and lookup by hash stays one query.
 */
export async function hashTokenSecret(secret: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(secret));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
