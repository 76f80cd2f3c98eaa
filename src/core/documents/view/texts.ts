import { displayText } from "../../kernel/i18n/display-text.ts";
import { LANGUAGES, type Language, type LocalizedText } from "../../kernel/values/values.ts";
import type { FindingSink } from "../completeness/finding.ts";

/** The register record a text belongs to, as a finding names it. */
export interface TextOwner {
  type: string;
  id: string;
  /** The record's name (or its own LocalizedText name), for the finding's message. */
  name: string | LocalizedText;
}

interface Untranslated {
  owner: TextOwner;
  /** The catalogue key naming the field, e.g. "activity.purposes". */
  field: string;
  shownIn: Language;
}

/**
 * Register texts in a document's language, never passed off as translations:
 * a text the register lacks in that language is shown in another one, marked
 * with it ("[EN] …") in every format, and recorded; `report` turns what was
 * recorded into completeness findings (the field, the record, the language),
 * shown in a draft and on the dashboard.
 */
export class DocumentTexts {
  private readonly untranslated = new Map<string, Untranslated>();
  readonly lang: Language;

  constructor(lang: Language) {
    this.lang = lang;
  }

  /** The text in the document's language; else the first language it has, marked; null when there is none. */
  pick(text: LocalizedText | null | undefined, owner: TextOwner, field: string): string | null {
    if (!text) return null;
    const own = text[this.lang];
    if (own !== undefined) return displayText(own);
    const shownIn = LANGUAGES.find((l) => text[l] !== undefined);
    if (!shownIn) return null;
    const key = `${owner.type}/${owner.id}/${field}`;
    if (!this.untranslated.has(key)) this.untranslated.set(key, { owner, field, shownIn });
    return `[${shownIn.toUpperCase()}] ${displayText(text[shownIn] as string)}`;
  }

  /** Like `pick`, for text the schema requires. */
  required(text: LocalizedText, owner: TextOwner, field: string): string {
    return this.pick(text, owner, field) ?? "";
  }

  /** One finding per record and field lacking the document's language, in the order they were met. */
  report(article: string, sink: FindingSink): void {
    for (const { owner, field, shownIn } of this.untranslated.values()) {
      sink.add(
        article,
        "untranslated",
        {
          record: this.nameOf(owner),
          field: { message: field },
          language: { message: `language.${this.lang}` },
          shownIn: { message: `language.${shownIn}` },
          code: shownIn.toUpperCase(),
        },
        { type: owner.type, id: owner.id },
      );
    }
  }

  private nameOf(owner: TextOwner): string {
    if (typeof owner.name === "string") return displayText(owner.name);
    const name = owner.name;
    const lang = name[this.lang] !== undefined ? this.lang : LANGUAGES.find((l) => name[l] !== undefined);
    return lang ? displayText(name[lang] as string) : owner.id;
  }
}
