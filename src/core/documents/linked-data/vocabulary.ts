// The vocabulary of the register's linked data: the W3C Data Privacy Vocabulary (DPV 2.x) and
// its GDPR and location extensions, schema.org for addresses and contacts, and our own terms
// (docs/linked-data.md) for what DPV has no term for. The context is embedded in every document,
// so a reader expands it without fetching anything, and the Worker carries no file to read.
import { ART9_CONDITIONS, ART49_DEROGATIONS, LEGAL_BASES, type TransferMechanism } from "../../kernel/values/values.ts";

/** Register texts: a map of language to text, so every language the register holds is kept, each tagged. */
const LANGUAGE_MAPS = ["service", "subjectMatter", "nature", "safeguards", "event", "note", "arrangement"];

export const LINKED_DATA_CONTEXT = {
  dpv: "https://w3id.org/dpv#",
  "eu-gdpr": "https://w3id.org/dpv/legal/eu/gdpr#",
  loc: "https://w3id.org/dpv/loc#",
  dpar: "https://w3id.org/dpa-register/ns#",
  dct: "http://purl.org/dc/terms/",
  schema: "https://schema.org/",
  xsd: "http://www.w3.org/2001/XMLSchema#",
  title: { "@id": "dct:title", "@container": "@language" },
  description: { "@id": "dct:description", "@container": "@language" },
  ...Object.fromEntries(LANGUAGE_MAPS.map((term) => [term, { "@id": `dpar:${term}`, "@container": "@language" }])),
};

export type Node = Record<string, unknown>;

/** Register ids are UUIDs: their URN names the record wherever the register is served from. */
export const urn = (id: string) => `urn:uuid:${id}`;
export const ref = (iri: string) => ({ "@id": iri });
export const country = (code: string) => ref(`loc:${code}`);
export const typed = (value: string, type: "date" | "dateTime") => ({ "@value": value, "@type": `xsd:${type}` });

// The enums list the points of each Article in the Article's own order: a, b, c, ...
const point = (list: readonly string[], value: string) => "abcdefghij"[list.indexOf(value)];
export const legalBasis = (basis: (typeof LEGAL_BASES)[number]) => ref(`eu-gdpr:A6-1-${point(LEGAL_BASES, basis)}`);
export const art9Condition = (c: (typeof ART9_CONDITIONS)[number]) => ref(`eu-gdpr:A9-2-${point(ART9_CONDITIONS, c)}`);

/** Art. 45(3) adequacy, Art. 46(2)(c) standard clauses, Art. 46(2)(b) binding corporate rules, an Art. 49(1) derogation. */
export function mechanismBasis(m: TransferMechanism): { "@id": string } {
  if (m.kind !== "art49_derogation" || !m.derogation)
    return ref({ adequacy: "eu-gdpr:A45-3", scc: "eu-gdpr:A46-2-c", bcr: "eu-gdpr:A46-2-b", art49_derogation: "eu-gdpr:A49-1" }[m.kind]);
  // The second subparagraph of Art. 49(1) (compelling legitimate interests) has no point letter.
  return ref(
    m.derogation === "compelling_legitimate_interests" ? "dpar:A49-1-second" : `eu-gdpr:A49-1-${point(ART49_DEROGATIONS, m.derogation)}`,
  );
}

/** Drops absent values (undefined, null, empty lists), so a field the register lacks is not stated rather than stated empty. */
export function compact(node: Node): Node {
  return Object.fromEntries(Object.entries(node).filter(([, v]) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0)));
}
