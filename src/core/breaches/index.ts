/**
 * The register of personal data breaches (Art. 33(5)): what happened and what it involved, the
 * agreements it affects (through the activities and sub-processors involved), the duty to notify
 * each customer by its agreement's clock, the notices with the content of Art. 33(3), and follow-ups.
 * This file is the feature's public surface: other features and the outer layers import only what it exports.
 */
export { BreachListQuery, getBreach, listBreaches } from "./breach-queries.ts";
export { addBreachUpdate } from "./breach-updates.ts";
export { Breach, BreachInput, BreachUpdateInput } from "./model.ts";
export { DEFAULT_BREACH_NOTICE, notifyBreach, recordBreach } from "./record-breach.ts";
export { BreachReportQuery, breachReport } from "./breach-report.ts";
