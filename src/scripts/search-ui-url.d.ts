/** The URL of the built search UI chunk (src/scripts/search-ui.ts), from src/integrations/search-ui-chunk.ts. */
declare module 'virtual:search-ui-url' {
  const url: string;
  export default url;
}
