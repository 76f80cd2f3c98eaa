// The page, its margins and the type sizes and colours, shared by the body layout,
// the tables and the running header and footer, so they line up.
const A4 = { width: 595.28, height: 841.89 };
const MARGIN = { top: 60, bottom: 64, left: 48, right: 48 };

/** Portrait for agreements and annexes; landscape for the Art. 30 registers, one row per activity as in the CNIL and ICO templates. */
export type Orientation = "portrait" | "landscape";

export interface PageGeometry {
  width: number;
  height: number;
  margin: typeof MARGIN;
  /** The width between the margins. */
  contentWidth: number;
  /** The lowest y body text may reach; the footer sits below it. */
  bottom: number;
}

export function pageGeometry(orientation: Orientation): PageGeometry {
  const [width, height] = orientation === "landscape" ? [A4.height, A4.width] : [A4.width, A4.height];
  return { width, height, margin: MARGIN, contentWidth: width - MARGIN.left - MARGIN.right, bottom: height - MARGIN.bottom };
}

export const BODY = 9;
/** The registers' grids: eleven columns of lists across a landscape page. */
export const SMALL = 7.5;
export const LEADING = 1.3;
export const CELL_PADDING = 4;
export const HEADING_SIZE = { 1: 16, 2: 12.5, 3: 10.5 } as const;
export const MUTED = "#555555";
export const BORDER = "#b0b0b0";
export const HEADER_FILL = "#eeeeee";
export const KEY_FILL = "#f5f5f5";
export const BOX_COLOUR = "#b45309";
export const BULLET_INDENT = 9;
