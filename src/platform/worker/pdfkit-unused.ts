// The Worker's stand-ins for what pdfkit imports but the service's documents
// never use (wrangler.toml [alias]): PNG images (png-js, which brings a
// JavaScript zlib), PDF encryption (@noble/ciphers' AES) and WOFF2 fonts
// (fontkit's brotli decoder; the embedded fonts are TrueType). Together about
// 100 KiB of the compressed bundle. Using one of them fails with this error.
const unavailable = (what: string) => new Error(`${what} are not available in the Worker's PDFs.`);

export default class PNG {
  constructor() {
    throw unavailable("PNG images");
  }
}

export function cbc(): never {
  throw unavailable("Encrypted documents");
}

export function ecb(): never {
  throw unavailable("Encrypted documents");
}
