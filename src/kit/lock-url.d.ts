/** The URL of the built passphrase lock chunk (features/lock/lock-ui.tsx), from src/kit/chunk-url.ts. */
declare module 'virtual:lock-url' {
  const url: string;
  export default url;
}
