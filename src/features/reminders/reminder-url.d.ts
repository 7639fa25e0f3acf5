/** The URL of the built reminder chunk (ReminderChoice.tsx), from src/kit/chunk-url.ts. */
declare module 'virtual:reminder-url' {
  const url: string;
  export default url;
}
