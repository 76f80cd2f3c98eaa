import { brotliCompressSync, constants as zlib } from "node:zlib";

/**
 * Bytes as base64 of their brotli compression at the highest quality and window, for data the
 * generated modules carry compressed (fonts, catalogues, holiday tables) and decompress on first
 * use. Brotli is deterministic: the same bytes give the same output on every build.
 */
export function brotliBase64(bytes: Buffer, kind: "text" | "binary"): string {
  return brotliCompressSync(bytes, {
    params: {
      ...(kind === "text" ? { [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT } : {}),
      [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY,
      [zlib.BROTLI_PARAM_LGWIN]: zlib.BROTLI_MAX_WINDOW_BITS,
      [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  }).toString("base64");
}
