/** Builds a document title: "Page · Site", or the page title alone on the home page. */
export function formatPageTitle(title: string, siteName: string, isHome: boolean): string {
  return isHome || title === siteName ? title : `${title} · ${siteName}`;
}
