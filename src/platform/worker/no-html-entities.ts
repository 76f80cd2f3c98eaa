// The Worker's stand-in for the entities package's table of HTML's named character references
// (wrangler.toml [alias]; 13 KiB gzipped). htmlparser2 builds its decoder with the table, but the
// PDF layout reads the documents' HTML with decodeEntities off and undoes Handlebars' few escapes
// itself (render/pdf/html-blocks.ts), on Node too: the table is never read.
export const htmlDecodeTree: Uint16Array = new Uint16Array(0);
