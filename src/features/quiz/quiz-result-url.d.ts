/** The URL of the built result view chunk (QuizResult.tsx), from src/kit/chunk-url.ts. */
declare module 'virtual:quiz-result-url' {
  const url: string;
  export default url;
}
