import { SITE_NAME, SOURCE_ARTICLE } from '../../site';

/** What an article's structured data needs to know about the page. */
export interface ArticleInfo {
  title: string;
  description: string;
  url: string;
}

/** Builds schema.org `Article` data for a guide page, crediting the article it is based on. */
export function createArticleJsonLd({ title, description, url }: ArticleInfo): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Article',
    headline: title,
    description,
    url,
    mainEntityOfPage: url,
    inLanguage: 'en',
    publisher: { '@type': 'Organization', name: SITE_NAME },
    author: { '@type': 'Organization', name: SITE_NAME },
    isBasedOn: {
      '@type': 'CreativeWork',
      about: SOURCE_ARTICLE.subject,
      author: { '@type': 'Person', name: SOURCE_ARTICLE.author },
      dateModified: SOURCE_ARTICLE.updated,
    },
  };
}
