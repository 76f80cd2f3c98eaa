import type { Ctx } from "../../kernel/context.ts";
import type { ChangeNotice } from "../model/change-notice.ts";
import { appSecret, readAppSecret } from "../../kernel/secrets/app-secrets.ts";
import { linkSignatureValid, linkSigner } from "../../kernel/secrets/link-signature.ts";
import { DEFAULT_PUBLIC_BASE_URL, publicBaseUrl } from "../../kernel/public-base-url.ts";

/**
 * Customer objection links: `/object/<noticeId>.<expires>.<signature>`, an
 * HMAC-SHA256 over the notice id and the expiry. The link is a capability
 * for ONE notice: it names no other, and changing any part breaks the
 * signature.
 *
 * Signing uses @noble/hashes (pure JS, synchronous, runs on Node and in
 * Workers): announcing signs one link per notice, and 10,000 WebCrypto calls
 * cost 150-400 ms on Node (each is a job on the thread pool) against ~50 ms
 * here. Checking, one link at a time, uses
 * WebCrypto's verify, which compares in constant time. Both are the standard
 * HMAC-SHA256; test/objection/link-token.test.ts checks they agree.
 */
export const OBJECTION_LINK_SECRET = "objection-links";
/** Links keep working this long after the window closes, so a late objection is still recorded (and flagged late). */
export const LINK_GRACE_DAYS = 30;
export { DEFAULT_PUBLIC_BASE_URL, publicBaseUrl };
export const OBJECTION_PATH = "/object/";
/** Domain separation: the key signs nothing else, but if it ever did, the two could not be swapped. */
const PURPOSE = "objection-link/v1:";
const TOKEN = /^([0-9A-Za-z-]{1,64})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/;

type Notice = Pick<ChangeNotice, "id" | "closesAt">;

export interface ObjectionLinks {
  token(notice: Notice): string;
  /** The absolute link for the e-mail: the public base URL, the path and the token. */
  url(notice: Notice): string;
}

export type LinkCheck =
  | { status: "valid"; noticeId: string; expiresAt: string }
  | { status: "expired"; noticeId: string; expiresAt: string }
  | { status: "invalid" };

/** The instant a notice's link stops working: the window's close plus the grace period (an instant, not a legal deadline). */
export function linkExpiry(closesAt: string): number {
  return Math.floor(Date.parse(closesAt) / 1000) + LINK_GRACE_DAYS * 86_400;
}

function linksWith(ctx: Ctx, secret: Uint8Array): ObjectionLinks {
  const base = publicBaseUrl(ctx);
  const sign = linkSigner(secret, PURPOSE);
  const token = (notice: Notice) => {
    const expires = linkExpiry(notice.closesAt);
    return `${notice.id}.${expires}.${sign(`${notice.id}.${expires}`)}`;
  };
  return { token, url: (notice) => `${base}${OBJECTION_PATH}${token(notice)}` };
}

/** Signs links, making the key on first use: call it before the atomic write that queues the e-mails. */
export async function objectionLinks(ctx: Ctx): Promise<ObjectionLinks> {
  return linksWith(ctx, await appSecret(ctx.store, ctx.clock, OBJECTION_LINK_SECRET));
}

/** Signs links only if the key exists (reading pages must not write); no key means no notice was ever announced. */
export async function existingObjectionLinks(ctx: Ctx): Promise<ObjectionLinks | null> {
  const secret = await readAppSecret(ctx.store.db, OBJECTION_LINK_SECRET);
  return secret ? linksWith(ctx, secret) : null;
}

/**
 * Checks a token: its signature first (so a forged token learns nothing,
 * not even whether it has expired), then its expiry against the clock.
 * crypto.subtle.verify compares the MACs in constant time.
 */
export async function checkObjectionToken(ctx: Ctx, token: string): Promise<LinkCheck> {
  const parts = TOKEN.exec(token);
  if (!parts) return { status: "invalid" };
  const secret = await readAppSecret(ctx.store.db, OBJECTION_LINK_SECRET);
  if (!secret) return { status: "invalid" };
  const noticeId = parts[1] as string;
  const expires = Number(parts[2]);
  if (!(await linkSignatureValid(secret, PURPOSE, `${noticeId}.${expires}`, parts[3] as string))) return { status: "invalid" };
  const expiresAt = new Date(expires * 1000).toISOString();
  return ctx.clock.now().getTime() >= expires * 1000
    ? { status: "expired", noticeId, expiresAt }
    : { status: "valid", noticeId, expiresAt };
}
