/** The URL of the built writer chunk (workbook-writer.tsx), from src/kit/chunk-url.ts. */
declare module 'virtual:workbook-writer-url' {
  const url: string;
  export default url;
}
