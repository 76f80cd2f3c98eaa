import { getTableName, sql } from "drizzle-orm";
import type { Page } from "playwright-core";
import { SCHEMA_TABLES } from "../../db/tables.ts";
import type { Store } from "../../src/core/kernel/ports/store.ts";
import type { Language } from "../../src/core/kernel/values/values.ts";
import { catalogueOf } from "../helpers/catalogue.ts";

/**
 * English left on a Dutch or French admin page. Two nets:
 * - a text of the admin catalogues in English, where the page's language says otherwise
 *   (a message looked up in the wrong language);
 * - English words that are not also Dutch or French ones ("the", "with", "save"…) in the
 *   page's text (wording never moved into a catalogue).
 * Register text the demo gives in every language is shown in the page's; what someone typed in
 * English only (an objection's grounds, a reason) is the register's, not the page's: every text
 * stored in the register is taken out of the page's text before it is judged, as are <code>,
 * <pre> and `translate="no"` parts.
 */
const ENGLISH_ONLY_WORDS: Record<Exclude<Language, "en">, RegExp> = {
  nl: /\b(the|and|with|for|this|these|are|were|has|have|not|yes|none|new|add|edit|save|remove|delete|view|show|history|back|next|previous|from|by|to|at|when|which|who|days)\b/i,
  fr: /\b(the|and|of|with|for|this|these|is|are|was|were|has|have|not|yes|none|new|add|edit|save|remove|delete|view|show|history|download|back|next|previous|from|by|to|at|in|when|which|who|days)\b/i,
};

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function englishCatalogueTexts(lang: Language): RegExp[] {
  const english = catalogueOf("en");
  const own = catalogueOf(lang);
  const ownTexts = new Set(Object.values(own));
  return (
    Object.entries(english)
      // A text that is mostly placeholders ("{kind}: {name}") would match anything.
      .filter(([key, text]) => key.startsWith("admin.") && /[A-Za-z]{4}/.test(text.replace(/\{\w+\}/g, "")))
      .filter(([key, text]) => own[key] !== text && !ownTexts.has(text))
      .map(([, text]) => new RegExp(`^${escapeRegExp(text).replace(/\\\{\w+\\\}/g, ".+?")}$`))
  );
}

const cache = new Map<Language, RegExp[]>();

/**
 * Every text stored in the register (string columns and the strings inside JSON ones), longest
 * first (the outbox's too: an e-mail is shown as it was sent); the audit trail is left out, being copies.
 */
export async function storedTexts(store: Store): Promise<string[]> {
  const texts = new Set<string>();
  const collect = (value: unknown): void => {
    if (typeof value === "string") {
      if (/^[[{]/.test(value)) {
        try {
          collect(JSON.parse(value));
          return;
        } catch {
          // Not JSON after all: the text itself.
        }
      }
      const text = value.replace(/\s+/g, " ").trim();
      if (text.length >= 3) texts.add(text);
    } else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === "object") Object.values(value).forEach(collect);
  };
  for (const table of SCHEMA_TABLES) {
    const name = getTableName(table as never);
    if (["audit_entries", "sessions", "audit_checkpoints"].includes(name)) continue;
    for (const row of (await store.db.all(sql.raw(`select * from "${name}"`))) as Record<string, unknown>[]) collect(Object.values(row));
  }
  return [...texts].sort((a, b) => b.length - a.length);
}

export async function wrongLanguage(page: Page, target: string, lang: Language, stored: readonly string[] = []): Promise<string[]> {
  const problems: string[] = [];
  // A document's preview is the document, in its own language (the documents page's choice), not the page's.
  if (/\/preview(\?|$)/.test(target)) return problems;
  const htmlLang = await page.locator("html").getAttribute("lang");
  if (htmlLang !== lang) problems.push(`${target}: <html lang="${htmlLang}">, not "${lang}"`);
  if (lang === "en") return problems;
  const texts = await page.evaluate(() => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('[translate="no"], code, pre, script, style, textarea, select option[value=""]')) continue;
      const text = (node.textContent ?? "").replace(/\s+/g, " ").trim();
      if (text) found.push(text);
    }
    for (const element of document.querySelectorAll("[aria-label], [placeholder], [title]:not(time)")) {
      for (const name of ["aria-label", "placeholder", "title"]) {
        const value = element.getAttribute(name);
        if (value && !element.closest('[translate="no"]')) found.push(value.trim());
      }
    }
    return found;
  });
  const patterns = cache.get(lang) ?? englishCatalogueTexts(lang);
  cache.set(lang, patterns);
  const words = ENGLISH_ONLY_WORDS[lang];
  for (const shown of new Set(texts)) {
    let text = shown;
    for (const register of stored) if (text.includes(register)) text = text.replaceAll(register, " ");
    text = text.replace(/\s+/g, " ").trim();
    if (text && (patterns.some((p) => p.test(text)) || words.test(text))) problems.push(`${target}: "${shown.slice(0, 120)}"`);
  }
  return problems;
}
