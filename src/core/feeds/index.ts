export { changeFeed } from "./change-feed.ts";
export type { ChangeFeed } from "./change-feed.ts";
export { deadlineCalendar } from "./deadline-calendar.ts";
export type { CalendarEvent } from "./deadline-calendar.ts";
export { publicOrganisation, publicSubProcessorList } from "./public-sub-processors.ts";
export type { PublicSubProcessorList } from "./public-sub-processors.ts";
