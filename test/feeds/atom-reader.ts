import type { Element } from "domhandler";
import { DomUtils, parseDocument } from "htmlparser2";

export interface AtomEntry {
  id: string;
  /** The title as a feed reader shows it: type="html", so decoded as HTML. */
  title: string;
  titleHasElements: boolean;
  published: string;
  updated: string;
  content: string;
  contentHasScript: boolean;
}

export interface AtomDocument {
  root: string;
  namespace: string | undefined;
  title: string;
  updated: string;
  entries: AtomEntry[];
  elementCount: (name: string) => number;
}

/** Reads an Atom document with an XML parser (no regular expressions), the way a feed reader would. */
export function readAtom(xml: string): AtomDocument {
  const doc = parseDocument(xml, { xmlMode: true });
  const root = DomUtils.getElementsByTagName("feed", doc.children, false)[0];
  if (!root) throw new Error("no <feed> root element");
  const child = (parent: Element, name: string) => DomUtils.getElementsByTagName(name, parent.children, false)[0];
  const text = (parent: Element, name: string) => {
    const el = child(parent, name);
    return el ? DomUtils.textContent(el) : "";
  };
  const asHtml = (markup: string) => parseDocument(markup);
  return {
    root: root.name,
    namespace: root.attribs.xmlns,
    title: text(root, "title"),
    updated: text(root, "updated"),
    entries: DomUtils.getElementsByTagName("entry", root.children, false).map((entry) => {
      const title = asHtml(text(entry, "title"));
      const content = asHtml(text(entry, "content"));
      return {
        id: text(entry, "id"),
        title: DomUtils.textContent(title),
        titleHasElements: DomUtils.findOne(() => true, title.children) !== null,
        published: text(entry, "published"),
        updated: text(entry, "updated"),
        content: DomUtils.textContent(content),
        contentHasScript: DomUtils.getElementsByTagName("script", content.children).length > 0,
      };
    }),
    elementCount: (name) => DomUtils.getElementsByTagName(name, doc.children).length,
  };
}
