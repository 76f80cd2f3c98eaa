import type { PlainDate } from "../kernel/clocks/deadline.ts";
import { translate } from "../kernel/i18n/localise.ts";
import type { Language } from "../kernel/values/values.ts";

/** One all-day event; the same deadline keeps the same uid from one fetch to the next. */
export interface CalendarEvent {
  uid: string;
  date: PlainDate;
  summary: string;
  description: string;
}

/** References listed in one event; a change announced to thousands of agreements still makes one readable event. */
export const MAX_LISTED_REFERENCES = 20;

/** The agreements' references as the event's lines, the first MAX_LISTED_REFERENCES of them and a count of the rest. */
export function listedReferences(references: string[], lang: Language): string[] {
  const sorted = [...new Set(references)].sort();
  const shown = sorted.slice(0, MAX_LISTED_REFERENCES).map((r) => `- ${r}`);
  const more = sorted.length - MAX_LISTED_REFERENCES;
  return more > 0 ? [...shown, translate(lang, "feed.calendar.more", { count: more })] : shown;
}
