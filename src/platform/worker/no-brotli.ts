// The Worker's stand-in for the brotli package, which fontkit imports to read
// WOFF2 fonts (wrangler.toml [alias]): the embedded fonts are TrueType, so it
// is never called; see pdfkit-unused.ts.
export default function decompress(): never {
  throw new Error("WOFF2 fonts are not available in the Worker's PDFs.");
}
