/** The URL of the built device data chunk (device-data-tools.ts), from src/kit/chunk-url.ts. */
declare module 'virtual:device-data-url' {
  const url: string;
  export default url;
}
