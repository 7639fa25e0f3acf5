/** A link into the guide, with the text to show for it. */
export interface GuideLink {
  href: string;
  title: string;
}

/** The guide links a quiz result can offer, worked out at build time and handed to the island. */
export interface QuizLinks {
  /** Each guide section the quiz or its bands name, by section id. */
  sections: Record<string, GuideLink>;
  /** Each subscale's passage in the guide (title is the heading text), by subscale id. */
  subscales: Record<string, GuideLink & { sectionTitle: string }>;
}

// Browser code: the base path comes from import.meta.env.BASE_URL directly (see src/kit/paths.ts).

/** Where the support page lives; every result links to it. */
export const HELP_HREF = `${import.meta.env.BASE_URL}help/`;

/** Where saved results are listed. */
export const MY_RESULTS_HREF = `${import.meta.env.BASE_URL}my-results/`;
