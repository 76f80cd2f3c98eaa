import type { Params } from "../../../core/kernel/i18n/localise.ts";
import { type Html, html } from "./html.ts";
import { t, uiNumber } from "./ui-language.ts";

/** A count in words: the key's ".one" message for 1, its ".other" one otherwise, `{n}` written as the page's language writes numbers. */
export const counted = (key: string, n: number, params: Params = {}): string =>
  t(`${key}.${n === 1 ? "one" : "other"}`, { ...params, n: uiNumber(n) });

/**
 * A message with markup around some of its values (a link, a code element).
 * The message stays plain text and is translated whole, so each language
 * orders the sentence its own way; the catalogue's template is split at the
 * markup's placeholders BEFORE the plain values are filled in, so a value a
 * user typed can never be taken for a placeholder. The text is escaped by
 * the `html` tag like any other.
 */
export function withMarkup(key: string, markup: Record<string, Html>, params: Params = {}): Html {
  const names = Object.keys(markup).join("|");
  const parts = t(key).split(new RegExp(`\\{(${names})\\}`));
  const filled = (text: string) => text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  return html`${parts.map((part, i) => (i % 2 === 1 ? (markup[part] ?? part) : filled(part)))}`;
}
