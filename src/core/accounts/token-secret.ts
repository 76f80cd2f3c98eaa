import { sha256HexSync } from "../kernel/secrets/sha256.ts";
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
 * Hashed synchronously (kernel/secrets/sha256.ts: Node's own hash, else @noble/hashes):
 * a short secret hashes in about a microsecond, far less than a round trip
 * through WebCrypto's promise and thread pool on every request.
 */
export function hashTokenSecret(secret: string): string {
  return sha256HexSync(secret);
}
