/** A link into the guide, with the text to show for it. */
export interface GuideLink {
  href: string;
  title: string;
}

/** The links a quiz result can offer, worked out at build time from src/routes.ts and handed to the island. */
export interface QuizLinks {
  /** Each guide section the quiz or its bands name, by section id. */
  sections: Record<string, GuideLink>;
  /** Each subscale's passage in the guide (title is the heading text), by subscale id. */
  subscales: Record<string, GuideLink & { sectionTitle: string }>;
  /** The support page; every result links to it. */
  help: string;
  /** Where saved results are listed. */
  myResults: string;
  /** This quiz's own absolute address (the site's URL and base path), for a check-in reminder's calendar entry. */
  checkIn: string;
}
