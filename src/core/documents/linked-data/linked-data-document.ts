import canonicalize from "canonicalize";
import type { Checkpoint } from "../../kernel/audit/checkpoints.ts";
import { wellFormedDeep } from "../../kernel/input/text-rules.ts";
import { compact, LINKED_DATA_CONTEXT, type Node, ref, typed } from "./vocabulary.ts";

interface DocumentMeta {
  kind: string;
  title: string;
  language: string;
  asOfInstant: string;
  fingerprint: string;
  templateVersion: string;
  draft: boolean;
  findings: string[];
  checkpoint?: Checkpoint;
}

/**
 * One JSON-LD document: the embedded context, a node describing the document (what it is about,
 * as of when, its fingerprint, the audit checkpoint an export carries) and the register's nodes.
 * RFC 8785 canonical JSON: the same nodes and meta give the same bytes on every runtime.
 */
export function linkedDataDocument(nodes: Node[], meta: DocumentMeta): string {
  const about = nodes[0]?.["@id"];
  const document = compact({
    "@id": "_:document",
    "@type": "dpar:Document",
    "dpar:documentKind": meta.kind,
    title: { [meta.language]: meta.title },
    "dct:language": meta.language,
    "dct:subject": typeof about === "string" ? ref(about) : undefined,
    "dpar:asOf": typed(meta.asOfInstant, "dateTime"),
    "dpar:fingerprint": meta.fingerprint,
    "dpar:templateVersion": meta.templateVersion,
    "dpar:draft": meta.draft,
    "dpar:finding": meta.findings,
    "dpar:auditCheckpoint": meta.checkpoint ? canonicalize(meta.checkpoint) : undefined,
  });
  // Text stored before the text rules may hold lone surrogates, which canonical JSON refuses.
  return canonicalize(wellFormedDeep({ "@context": LINKED_DATA_CONTEXT, "@graph": [document, ...nodes] })) ?? "";
}
