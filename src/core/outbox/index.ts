/**
 * E-mail written in the same atomic unit as the change it tells of, delivered later with leases and retries.
 * This file is the feature's public surface: other features and the outer layers import only what it exports.
 */
export { OUTBOX_STATUSES, deliverDueMessages, listOutbox, outboxMessage, outboxSummary, retryMessage } from "./deliver-outbox.ts";
export type { DeliveryReport, OutboxMessage } from "./deliver-outbox.ts";
export { outboxRow } from "./queue-message.ts";
export type { MessageKind, OutboxRow } from "./queue-message.ts";
