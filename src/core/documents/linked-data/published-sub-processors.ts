import canonicalize from "canonicalize";
import { wellFormedDeep } from "../../kernel/input/text-rules.ts";
import { type SubProcessorFields, subProcessorNode } from "./nodes.ts";
import { LINKED_DATA_CONTEXT, ref, urn } from "./vocabulary.ts";

/**
 * The public sub-processor list in DPV, for a customer's privacy tool: the organisation as
 * processor with its DPO's address, and the sub-processors it engages now, each with what the
 * published HTML and JSON lists show (service, locations, chain, transfer basis).
 */
export function publishedSubProcessorsDocument(
  organisation: { id: string; legalName: string; address: { country: string } },
  dpoEmail: string,
  subProcessors: SubProcessorFields[],
): string {
  const list = {
    "@id": "_:list",
    "@type": "dpar:SubProcessorList",
    "dct:publisher": ref(urn(organisation.id)),
    "dpar:subProcessor": subProcessors.map((s) => ref(urn(s.id))),
  };
  const processor = {
    "@id": urn(organisation.id),
    "@type": "dpv:DataProcessor",
    "dpv:hasName": organisation.legalName,
    "dpv:hasCountry": ref(`loc:${organisation.address.country}`),
    "dpv:hasDataProtectionOfficer": { "@type": "dpv:DataProtectionOfficer", "schema:email": dpoEmail },
  };
  const graph = [list, processor, ...subProcessors.map((s) => subProcessorNode(s, true))];
  return canonicalize(wellFormedDeep({ "@context": LINKED_DATA_CONTEXT, "@graph": graph })) ?? "";
}
