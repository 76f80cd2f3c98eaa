// The Worker's js-md5 (wrangler.toml [alias]): pdfkit hashes the document information into the
// PDF's file identifier with md5. @noble/hashes, which the Worker carries already, has the same
// md5; this gives it js-md5's two calls pdfkit makes. Strings are hashed as UTF-8, as js-md5 does,
// so the Worker's PDFs keep the same bytes as Node's (test/workers/documents.test.ts).
import { md5 as nobleMd5 } from "@noble/hashes/legacy.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";

type Input = string | ArrayBuffer | Uint8Array;

const bytesOf = (data: Input): Uint8Array =>
  typeof data === "string" ? utf8ToBytes(data) : data instanceof Uint8Array ? data : new Uint8Array(data);

function md5(data: Input): string {
  return bytesToHex(nobleMd5(bytesOf(data)));
}
md5.arrayBuffer = (data: Input): ArrayBuffer => nobleMd5(bytesOf(data)).slice().buffer as ArrayBuffer;

export default md5;
