/**
 * The register events another system can be told of. Each is named
 * `<subject>.<what happened>` and delivered as a Standard Webhooks message:
 * `{ type, timestamp, data }`, where data names the entity by id and carries
 * what a receiver needs to decide whether to fetch more (an `href` to it in
 * the API).
 */
export const WEBHOOK_EVENTS = [
  "change.proposed",
  "change.announced",
  "change.objection_received",
  "change.blocked",
  "change.effective",
  "change.withdrawn",
  "terms.announced",
  "terms.objection_received",
  "terms.effective",
  "terms.withdrawn",
  "obligation.due",
  "obligation.overdue",
  "breach.recorded",
  "export.made",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];

/** What each event means, for the API description and the admin UI's English. */
export const WEBHOOK_EVENT_MEANINGS: Record<WebhookEventType, string> = {
  "change.proposed": "A change of sub-processors was proposed (not yet announced to customers).",
  "change.announced": "A change was announced: its notices went to the customers, whose objection windows now run.",
  "change.objection_received": "A customer objected to a change.",
  "change.blocked": "A change is blocked: an objection in time or a refused authorisation stands in its way.",
  "change.effective": "A change took effect: the sub-processor list customers were promised changed.",
  "change.withdrawn": "A change was withdrawn before it took effect.",
  "terms.announced": "A change of the agreements' terms was announced: its notices went out, the objection windows run.",
  "terms.objection_received": "A customer objected to a change of the terms.",
  "terms.effective": "A change of the terms took effect (for the agreements whose customer did not object in time).",
  "terms.withdrawn": "A change of the terms was withdrawn.",
  "obligation.due": "A contract duty's last day is near (the DPO was reminded).",
  "obligation.overdue": "A contract duty's last day has passed and it is not done.",
  "breach.recorded": "A personal data breach was recorded.",
  "export.made": "A document (Art. 30 record, annex) was exported and recorded.",
};

/** The outbox kind of a webhook message (one event for one endpoint); every other kind is an e-mail. */
export const WEBHOOK_KIND = "webhook";

/** The body every endpoint receives, signed as it is stored. */
export interface WebhookPayload {
  type: WebhookEventType;
  /** When the event happened (ISO 8601); the webhook-timestamp header is when this attempt was made. */
  timestamp: string;
  data: Record<string, unknown>;
}
