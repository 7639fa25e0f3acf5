// The part of the `compression` package (which ships no types) that the static server uses.
declare module 'compression' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  /** Whether a response is compressed. */
  type Filter = (request: IncomingMessage, response: ServerResponse) => boolean;

  interface CompressionOptions {
    /** zlib level for gzip and deflate, 0-9. */
    level?: number;
    /** Bytes below which a response is sent as it is (default 1 kB). */
    threshold?: number | string;
    filter?: Filter;
  }

  interface Compression {
    /** Middleware that compresses responses on the fly, negotiating the encoding with the request. */
    (options?: CompressionOptions): (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => void;
    /** The default filter: a compressible Content-Type, unless Cache-Control says no-transform. */
    filter: Filter;
  }

  const compression: Compression;
  export default compression;
}
