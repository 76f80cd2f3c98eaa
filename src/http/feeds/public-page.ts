import { formatDate, translate } from "../../core/kernel/i18n/localise.ts";
import { renderHtml } from "../../core/documents/index.ts";
import type { PublicSubProcessorList } from "../../core/feeds/index.ts";

/**
 * The public sub-processor page, from templates/public-sub-processors.hbs:
 * register text only through `{{ }}` (escaped); the links are fixed paths
 * with the language code, never register data.
 */
export function publicPage(list: PublicSubProcessorList): string {
  const lang = list.language;
  return renderHtml("public-sub-processors", {
    meta: {
      language: lang,
      title: translate(lang, "feed.page.title", { organisation: list.organisation.legalName }),
      atomHref: `sub-processors.atom?lang=${lang}`,
      jsonHref: `sub-processors.json?lang=${lang}`,
      subscribeHref: "subscriptions",
      lastUpdated: list.lastUpdated ? formatDate(list.lastUpdated.slice(0, 10), lang) : null,
    },
    body: {
      ...list,
      announcedChanges: list.announcedChanges.map((c) => ({
        title: c.title,
        announcedOn: formatDate(c.announcedOn, lang),
        intendedStart: formatDate(c.intendedStart, lang),
        earliestStart: c.earliestStart ? formatDate(c.earliestStart, lang) : null,
      })),
    },
  });
}
