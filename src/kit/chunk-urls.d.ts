/**
 * `virtual:<name>-url`: the URL of a module built as a chunk of its own by src/kit/chunk-url.ts. The chunks are
 * registered in astro.config.mjs (the quiz's result view, the lock, the reminder, the workbook's writer, My
 * results' backup and erase code) and by the search integration (search-ui).
 */
declare module 'virtual:*-url' {
  const url: string;
  export default url;
}
