import jsonld from "jsonld";
import { LINKED_DATA_CONTEXT } from "../../src/core/documents/linked-data/vocabulary.ts";

/**
 * A JSON-LD document loader with no network: it serves the bundled context at an address (for a
 * reader that links to it rather than embedding it) and throws for anything else, so a test fails
 * if expanding a document would fetch something.
 */
export async function offlineLoader(url: string) {
  if (url === "https://w3id.org/dpa-register/context.jsonld")
    return { contextUrl: undefined, documentUrl: url, document: { "@context": LINKED_DATA_CONTEXT } as jsonld.JsonLdDocument };
  throw new Error(`offline: refused to load ${url}`);
}
/** The loader as jsonld's options type it (its types predate promise-only loaders). */
export const documentLoader = offlineLoader as unknown as jsonld.Options.DocLoader["documentLoader"];

export interface Graph {
  quads: string[];
  /** The objects of (subject, predicate) as N-Quads terms: <iri>, _:b0, "literal"@nl, "1"^^<type>. */
  objects(subject: string, predicate: string): string[];
  /** The only object of (subject, predicate); throws when there is none or several. */
  one(subject: string, predicate: string): string;
  subjects(predicate: string, object: string): string[];
}

/** The document as N-Quads (jsonld.toRDF, offline), with lookups by subject and predicate. */
export async function nQuads(doc: object): Promise<Graph> {
  const text = (await jsonld.toRDF(doc as jsonld.JsonLdDocument, {
    format: "application/n-quads",
    documentLoader,
  })) as unknown as string;
  const quads = text.split("\n").filter(Boolean);
  const triples = quads.map((q) => {
    const match = /^(\S+) (\S+) (.+) \.$/.exec(q);
    if (!match) throw new Error(`not a triple of the default graph: ${q}`);
    return { s: match[1] as string, p: (match[2] as string).slice(1, -1), o: match[3] as string };
  });
  const objects = (s: string, p: string) => triples.filter((t) => t.s === s && t.p === p).map((t) => t.o);
  return {
    quads,
    objects,
    one(s, p) {
      const found = objects(s, p);
      if (found.length !== 1) throw new Error(`${s} ${p}: ${found.length} objects`);
      return found[0] as string;
    },
    subjects: (p, o) => triples.filter((t) => t.p === p && t.o === o).map((t) => t.s),
  };
}
