/**
 * Webhooks: endpoints registered by admins are told of register events by signed requests
 * (Standard Webhooks), queued in the event's atomic unit and delivered through the outbox.
 * This file is the feature's public surface: other features and the outer layers import only what it exports.
 */
export { DEFAULT_WEBHOOK_POLICY, isPrivateAddress, urlRefusal, webhookPolicyOf } from "./endpoint-policy.ts";
export type { WebhookPolicy } from "./endpoint-policy.ts";
export {
  createEndpoint,
  deleteEndpoint,
  EndpointInput,
  EndpointPatch,
  getEndpoint,
  listEndpoints,
  rotateEndpointSecret,
  updateEndpoint,
} from "./endpoints.ts";
export type { WebhookEndpoint } from "./endpoints.ts";
export { deliveryWithAttempts, listDeliveries, redeliver } from "./deliveries.ts";
export type { WebhookAttempt, WebhookDelivery } from "./deliveries.ts";
export { WEBHOOK_EVENT_MEANINGS, WEBHOOK_EVENTS, WEBHOOK_KIND } from "./events.ts";
export type { WebhookEventType, WebhookPayload } from "./events.ts";
export { signatureHeaders } from "./signature.ts";
export { webhookEvent } from "./queue-event.ts";
export type { EventSubject } from "./queue-event.ts";
export { sendWebhook } from "./send-webhook.ts";
export type { WebhookSending } from "./send-webhook.ts";
