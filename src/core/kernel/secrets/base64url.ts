/** URL-safe base64 without padding (RFC 4648 §5), for keys and signatures that travel in links. */
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** By table rather than btoa + replace: announcing signs one link per notice, thousands at a time. */
export function toBase64url(bytes: Uint8Array): string {
  const char = (n: number, shift: number) => ALPHABET.charAt((n >> shift) & 63);
  let out = "";
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    out += char(n, 18) + char(n, 12) + char(n, 6) + char(n, 0);
  }
  if (i < bytes.length) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] ?? 0) << 8);
    out += char(n, 18) + char(n, 12) + (i + 1 < bytes.length ? char(n, 6) : "");
  }
  return out;
}

/** The bytes of a base64url text, or null when it is not one in canonical form (so one value has one spelling). */
export function fromBase64url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (text.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return toBase64url(bytes) === text ? bytes : null;
}
