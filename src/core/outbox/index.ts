export { OUTBOX_STATUSES, deliverDueMessages, listOutbox, outboxSummary } from "./deliver-outbox.ts";
export type { DeliveryReport } from "./deliver-outbox.ts";
export { outboxRow } from "./queue-message.ts";
export type { MessageKind, OutboxRow } from "./queue-message.ts";
