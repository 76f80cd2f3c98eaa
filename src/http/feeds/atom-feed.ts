import { Feed } from "feed";
import type { ChangeFeed } from "../../core/feeds/index.ts";

/**
 * The change feed as Atom. The library writes titles and content as
 * type="html" CDATA, so feed readers render them as HTML: register text is
 * HTML-escaped here first, which also keeps "]]>" out of the CDATA sections.
 */
export function atomFeed(feed: ChangeFeed, origin: string): string {
  const page = `${origin}/public/sub-processors?lang=${feed.language}`;
  const atom = new Feed({
    id: `${origin}/public/sub-processors.atom`,
    title: feed.title,
    updated: new Date(feed.updated),
    language: feed.language,
    link: page,
    feedLinks: { atom: `${origin}/public/sub-processors.atom?lang=${feed.language}` },
    author: { name: feed.organisation.legalName },
    generator: "dpa-register",
  });
  for (const entry of feed.entries) {
    atom.addItem({
      id: `urn:uuid:${entry.changeId}`,
      title: escapeHtml(entry.title),
      link: page,
      date: new Date(entry.updated),
      published: new Date(entry.published),
      content: entry.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n"),
    });
  }
  return atom.atom1();
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}
