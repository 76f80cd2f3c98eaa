// The Worker's stand-in for the sax XML parser (wrangler.toml [alias]). The feed library writes the
// Atom feed with xml-js, whose index also loads its XML reader, built on sax; the feed only writes
// XML, so the reader is never called in the Worker.
export function parser(): never {
  throw new Error("Reading XML is not available in the Worker.");
}
export default { parser };
