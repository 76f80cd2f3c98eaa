import type { Activity, SubProcessor } from "../../register/index.ts";
import { CLOCK_NAMES } from "../../kernel/values/values.ts";
import type { DocumentKind } from "../document-request.ts";
import type { RegisterSnapshot } from "../register-snapshot.ts";
import { inCreationOrder, isCurrent, subProcessorsOf } from "../view/parts.ts";
import { activityNode, categoryNode, measureNode, partyNode, periodNode, subjectNode, subProcessorNode } from "./nodes.ts";
import { compact, country, type Node, ref, typed, urn } from "./vocabulary.ts";

/**
 * What an annex or an Art. 30 record states, as DPV nodes: the document's own node first (the
 * agreement, or the record), then the parties, activities, and the catalogue entries and
 * sub-processors they name, each once, in creation order. The selection is the views' own
 * (view/annex.ts, view/art30-*.ts), so the data and the PDF state the same facts.
 */
export function registerGraph(snapshot: RegisterSnapshot, kind: DocumentKind, agreementId: string | null): Node[] {
  const org = snapshot.organisation;
  const orgRef = org ? ref(urn(org.id)) : undefined;
  const active = (a: Activity, role: Activity["role"]) => isCurrent(a) && a.role === role && a.status === "active";
  const activeSubProcessors = inCreationOrder([...snapshot.subProcessors.values()].filter((s) => isCurrent(s) && s.status === "active"));
  let head: Node;
  let parties: Node[] = [];
  let activities: Activity[];
  let processes: Node[];
  let subProcessors: SubProcessor[];

  if (kind === "annex") {
    const agreement = snapshot.agreements.get(agreementId ?? "");
    const customer = agreement && snapshot.customers.get(agreement.customerId);
    // annexContent has refused a missing agreement or customer before this runs.
    if (!agreement || !customer) return [];
    activities = agreement.activityIds.flatMap((id) => snapshot.activities.get(id) ?? []);
    const covered = new Set(activities.map((a) => a.id));
    subProcessors = activeSubProcessors.filter(
      (s) => s.activityIds.some((id) => covered.has(id)) && !(s.excludedAgreementIds ?? []).includes(agreement.id),
    );
    const places = [
      ...new Set([...(org ? [org.address.country] : []), ...subProcessors.flatMap((s) => s.locations.map((l) => l.country))]),
    ];
    head = compact({
      "@id": urn(agreement.id),
      "@type": "dpv:ControllerProcessorAgreement",
      "dct:identifier": agreement.reference,
      "dpar:version": agreement.version,
      "dct:dateAccepted": agreement.signedOn && typed(agreement.signedOn, "date"),
      "dpar:status": agreement.status,
      "dct:language": agreement.language,
      "dpv:hasDataController": ref(urn(customer.id)),
      "dpv:hasDataProcessor": orgRef,
      "dpar:authorisation": ref(agreement.authorisation === "general" ? "dpar:GeneralAuthorisation" : "dpar:PriorSpecificAuthorisation"),
      ...Object.fromEntries(
        CLOCK_NAMES.flatMap((name) => (agreement.clocks[name] ? [[`dpar:${name}`, periodNode(agreement.clocks[name])]] : [])),
      ),
      "dpar:governingCountry": country(agreement.governingCountry),
      "dpar:timeZone": agreement.timeZone,
      "dpar:placeOfProcessing": places.map(country),
      "dpv:hasProcess": activities.map((a) => ref(urn(a.id))),
      "dpar:subProcessor": subProcessors.map((s) => ref(urn(s.id))),
    });
    parties = [partyNode(customer.id, "dpv:DataController", customer)];
    processes = activities.map((a) => ({
      ...activityNode(a, subProcessorsOf(snapshot, a.id, agreement.id), []),
      "dpv:hasDataController": ref(urn(customer.id)),
      ...(orgRef ? { "dpv:hasDataProcessor": orgRef } : {}),
    }));
  } else if (kind === "art30-controller") {
    activities = inCreationOrder([...snapshot.activities.values()].filter((a) => active(a, "controller")));
    subProcessors = activeSubProcessors.filter((s) => activities.some((a) => s.activityIds.includes(a.id)));
    head = record("30(1)", activities, [], orgRef ? { "dpv:hasDataController": orgRef } : {});
    processes = activities.map((a) => ({
      ...activityNode(a, subProcessorsOf(snapshot, a.id), [...(org?.jointControllers ?? []), ...(a.jointControllers ?? [])]),
      ...(orgRef ? { "dpv:hasDataController": orgRef } : {}),
    }));
  } else {
    activities = inCreationOrder([...snapshot.activities.values()].filter((a) => active(a, "processor")));
    subProcessors = activeSubProcessors;
    // Art. 30(2)(a)-(b): each controller is a customer with an active agreement, for the activities that agreement covers.
    const agreements = inCreationOrder([...snapshot.agreements.values()].filter((a) => isCurrent(a) && a.status === "active"));
    const customers = inCreationOrder([...snapshot.customers.values()].filter((c) => agreements.some((a) => a.customerId === c.id)));
    head = record("30(2)", activities, subProcessors, orgRef ? { "dpv:hasDataProcessor": orgRef } : {});
    parties = customers.map((c) => partyNode(c.id, "dpv:DataController", c));
    processes = activities.map((a) => ({
      ...activityNode(a, subProcessorsOf(snapshot, a.id), []),
      "dpv:hasDataController": customers
        .filter((c) => agreements.some((g) => g.customerId === c.id && g.activityIds.includes(a.id)))
        .map((c) => ref(urn(c.id))),
      ...(orgRef ? { "dpv:hasDataProcessor": orgRef } : {}),
    }));
  }

  const named = <T extends { id: string; createdAt: string }>(ids: string[], from: Map<string, T>) =>
    inCreationOrder([...new Set(ids)].flatMap((id) => from.get(id) ?? []));
  return [
    head,
    ...(org ? [partyNode(org.id, kind === "art30-controller" ? "dpv:DataController" : "dpv:DataProcessor", org)] : []),
    ...parties,
    ...processes,
    ...named(
      activities.flatMap((a) => a.subjectCategoryIds),
      snapshot.subjectCategories,
    ).map(subjectNode),
    ...named(
      activities.flatMap((a) => a.dataCategories.map((l) => l.dataCategoryId)),
      snapshot.dataCategories,
    ).map(categoryNode),
    ...named(
      activities.flatMap((a) => a.securityMeasureIds),
      snapshot.securityMeasures,
    ).map(measureNode),
    ...subProcessors.map((s) => subProcessorNode(s)),
  ];
}

/** The record of processing activities itself (Art. 30(1) or 30(2)): a blank node, as a register keeps one of each. */
const record = (article: string, activities: Activity[], subProcessors: SubProcessor[], entity: Node): Node =>
  compact({
    "@id": `_:art${article.replace(/\D/g, "")}`,
    "@type": "dpv:DataProcessingRecord",
    "dpar:article": `GDPR Art. ${article}`,
    ...entity,
    "dpv:hasProcess": activities.map((a) => ref(urn(a.id))),
    "dpar:subProcessor": subProcessors.map((s) => ref(urn(s.id))),
  });
