import type { ComponentChildren } from 'preact';

/**
 * Fixed passages of the quiz page, written in the page's Astro file and passed in as named slots: they arrive
 * as server-rendered HTML, so their words do not have to ship as JavaScript.
 */
export interface QuizPassages {
  /** Shown until the island is live: scoring needs JavaScript. */
  needsJs?: ComponentChildren;
  /** The body of the support box shown when a safety item was agreed with. */
  safety?: ComponentChildren;
  /** "This is not a diagnosis", with a link to the help page; on every result. */
  notDiagnosis?: ComponentChildren;
  /** Shown when every scored statement got the same answer. */
  straightLined?: ComponentChildren;
  /** Shown when opposite statements were both strongly agreed (or disagreed) with. */
  contradictory?: ComponentChildren;
  /** For readers whose ex hurt, threatened or controlled them; only on quizzes with `carveOut`. */
  carveOut?: ComponentChildren;
  /** Explains a shared result. */
  shared?: ComponentChildren;
  /** Explains saving on this device. */
  saveHint?: ComponentChildren;
  /** Explains the share link. */
  shareHint?: ComponentChildren;
}
