/** The URL of the built search UI chunk (src/features/search/search-ui.ts), from src/kit/chunk-url.ts (registered by pagefind-integration.ts). */
declare module 'virtual:search-ui-url' {
  const url: string;
  export default url;
}
