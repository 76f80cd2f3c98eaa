import { localDate } from "../kernel/clocks/deadline.ts";
import { DEFAULT_TIME_ZONE } from "../changes/index.ts";
import { formatDate, translate } from "../kernel/i18n/localise.ts";
import type { Organisation } from "../organisation/index.ts";
import type { Language } from "../kernel/values/values.ts";
import type { Db } from "../kernel/ports/store.ts";
import { type PublicChange, type PublicChangeStatus, publicChanges } from "./public-changes.ts";

export interface ChangeFeedEntry {
  /** The change's id: an entry keeps it through announcement, taking effect and withdrawal. */
  changeId: string;
  status: PublicChangeStatus;
  title: string;
  published: string;
  updated: string;
  /** Plain-text sentences, in the feed's language. */
  paragraphs: string[];
}

export interface ChangeFeed {
  organisation: { id: string; legalName: string };
  language: Language;
  title: string;
  /** The latest entry's update, else the profile's: a feed that did not change keeps its date. */
  updated: string;
  entries: ChangeFeedEntry[];
}

/** Every change customers were told of (announced, effective or withdrawn), the most recently touched first. */
export async function changeFeed(db: Db, organisation: Organisation, lang: Language): Promise<ChangeFeed> {
  const entries = (await publicChanges(db, lang)).map((c) => entryOf(c, lang));
  return {
    organisation: { id: organisation.id, legalName: organisation.legalName },
    language: lang,
    title: translate(lang, "feed.atom.title", { organisation: organisation.legalName }),
    updated: entries[0]?.updated ?? organisation.updatedAt,
    entries,
  };
}

function entryOf(change: PublicChange, lang: Language): ChangeFeedEntry {
  const day = (instant: string) => formatDate(localDate(instant, DEFAULT_TIME_ZONE), lang);
  const paragraphs = [translate(lang, "feed.entry.announced", { date: formatDate(change.announcedOn, lang) })];
  paragraphs.push(translate(lang, "feed.entry.intendedStart", { date: formatDate(change.intendedStart, lang) }));
  if (change.earliestStart) paragraphs.push(translate(lang, "feed.entry.earliestStart", { date: formatDate(change.earliestStart, lang) }));
  if (change.effectiveAt) paragraphs.push(translate(lang, "feed.entry.effective", { date: day(change.effectiveAt) }));
  else if (change.withdrawnAt) paragraphs.push(translate(lang, "feed.entry.withdrawn", { date: day(change.withdrawnAt) }));
  else paragraphs.push(translate(lang, "feed.entry.pending"));
  return {
    changeId: change.id,
    status: change.status,
    title: change.title,
    published: change.announcedAt,
    updated: change.lastEventAt,
    paragraphs,
  };
}
