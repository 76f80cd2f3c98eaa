/**
 * Search over the register. This file is the feature's public surface: other features and the outer layers import only what it exports.
 */
export { refreshSearchIndex } from "./search-index.ts";
export { MIN_FRAGMENT, SEARCH_KINDS, SearchQuery, searchRegister } from "./search-register.ts";
export type { SearchGroup, SearchHit, SearchKind } from "./search-register.ts";
