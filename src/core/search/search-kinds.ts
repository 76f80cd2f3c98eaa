/** The kinds of record the search covers, in the order their groups are shown. */
export const SEARCH_KINDS = [
  "customer",
  "agreement",
  "sub_processor",
  "activity",
  "data_category",
  "subject_category",
  "security_measure",
] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];
