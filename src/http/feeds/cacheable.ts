import type { Context } from "hono";
import { sha256Hex } from "../../core/kernel/secrets/sha256.ts";
import { completeResponse } from "../complete-response.ts";

/** No scripts, no plugins, no frames: the public responses only need their own inline style, and forms only to this site (the subscribe form). */
export const PUBLIC_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const MAX_AGE_SECONDS = 300;

export interface CacheableBody {
  body: string;
  contentType: string;
  /** From weakEtag(everything the body depends on except the moment it was made, such as the JSON's generatedAt). */
  etag: string;
  /** "public" for the published lists; "private" where a token was needed to get it. */
  visibility: "public" | "private";
}

/** A weak entity tag for a body's fingerprint: the first 128 bits of its SHA-256. */
export const weakEtag = async (fingerprint: string) => `W/"${(await sha256Hex(fingerprint)).slice(0, 32)}"`;

/**
 * A response that readers and caches may keep for five minutes and then
 * revalidate: the ETag is weak because two JSON bodies with the same data but
 * different generatedAt are equivalent, and a matching If-None-Match gets a
 * 304 without a body.
 */
export function cacheable(c: Context, { body, contentType, etag, visibility }: CacheableBody): Response {
  const headers = {
    "cache-control": `${visibility}, max-age=${MAX_AGE_SECONDS}`,
    etag,
    "content-security-policy": PUBLIC_CSP,
  };
  if (matches(c.req.header("if-none-match"), etag)) return completeResponse(c, null, 304, headers);
  return completeResponse(c, body, 200, { ...headers, "content-type": contentType });
}

/** Weak comparison (RFC 9110 section 13.1.2): W/ prefixes do not matter; "*" matches anything. */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || bare(tag) === bare(etag));
}
