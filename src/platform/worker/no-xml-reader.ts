// The Worker's stand-in for xml-js's XML reader (wrangler.toml [alias] of xml-js's own "./xml2js"
// and "./xml2json"). The feed library writes the Atom feed with xml-js, whose index also loads the
// reader (and through it the sax parser); the feed only writes XML, so the reader is never called
// in the Worker.
export default function xmlReader(): never {
  throw new Error("Reading XML is not available in the Worker.");
}
