/**
 * Starlight route middleware (`routeMiddleware` in `astro.config.mjs`): per-page changes to the
 * data Starlight renders a page from.
 *
 * @module
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';

/**
 * Give the not-found page a meta description. Articles set theirs in frontmatter; Starlight's
 * built-in 404 page has none, which search engines and Lighthouse's SEO audit flag. Its text is
 * the page's own message ("page not found, check the URL or search"), in the page's language.
 */
export const onRequest = defineRouteMiddleware(({ locals }) => {
  const route = locals.starlightRoute;
  if (route.id !== '404' || route.entry.data.description) return;
  route.head.push({ tag: 'meta', attrs: { name: 'description', content: locals.t('404.text') } });
});
