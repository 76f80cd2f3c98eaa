import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { ABSOLUTE_TIMEOUT_MS } from "../../core/accounts/index.ts";

/**
 * `__Host-` makes the browser refuse the cookie unless it is Secure, has
 * Path=/ and no Domain, so a sibling subdomain cannot plant or read it.
 * Browsers treat http://localhost as secure, so local use still works.
 * SameSite=Lax keeps it off cross-site form posts while letting a link from
 * an e-mail open the dashboard; forms also carry a CSRF token.
 */
export const SESSION_COOKIE = "__Host-dpa_session";
const FLASH_COOKIE = "__Host-dpa_flash";

const BASE = { path: "/", secure: true, httpOnly: true, sameSite: "Lax" } as const;

export function setSessionCookie(c: Context, secret: string): void {
  setCookie(c, SESSION_COOKIE, secret, { ...BASE, maxAge: Math.floor(ABSOLUTE_TIMEOUT_MS / 1000) });
}

export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE) || undefined;
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, BASE);
}

/** A one-time message for the page after a redirect ("Saved."), kept out of the URL so links cannot forge it. */
export function setFlash(c: Context, message: string): void {
  // hono percent-encodes the value, and getCookie decodes it.
  setCookie(c, FLASH_COOKIE, message.slice(0, 300), { ...BASE, maxAge: 60 });
}

export function takeFlash(c: Context): string | undefined {
  const value = getCookie(c, FLASH_COOKIE);
  if (!value) return undefined;
  deleteCookie(c, FLASH_COOKIE, BASE);
  return value;
}
