// The page, its margins and the type sizes and colours, shared by the body layout,
// the tables and the running header and footer, so they line up.
export const A4 = { width: 595.28, height: 841.89 };
export const MARGIN = { top: 60, bottom: 64, left: 48, right: 48 };
export const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
/** The lowest y body text may reach; the footer sits below it. */
export const BOTTOM = A4.height - MARGIN.bottom;
export const BODY = 9;
export const LEADING = 1.3;
export const CELL_PADDING = 4;
export const HEADING_SIZE = { 1: 16, 2: 12.5, 3: 10.5 } as const;
export const MUTED = "#555555";
export const BORDER = "#b0b0b0";
export const HEADER_FILL = "#eeeeee";
export const KEY_FILL = "#f5f5f5";
export const BOX_COLOUR = "#b45309";
export const BULLET_INDENT = 9;
