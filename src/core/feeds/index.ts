/**
 * What the public and calendars read: the sub-processor list and its locations, the change feed, the deadline calendar.
 * This file is the feature's public surface: other features and the outer layers import only what it exports.
 */
export { changeFeed } from "./change-feed.ts";
export type { ChangeFeed } from "./change-feed.ts";
export { deadlineCalendar } from "./deadline-calendar.ts";
export type { CalendarEvent } from "./deadline-calendar.ts";
export { publicOrganisation, publicSubProcessorList, publicSubProcessorsLinkedData } from "./public-sub-processors.ts";
export type { PublicSubProcessorList } from "./public-sub-processors.ts";
