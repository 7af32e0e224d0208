// The partner API's custom methods sit after a colon (`/api/v1/stays:batch`, as Google's API
// guidelines name them). A client that percent-encodes every path segment, as JavaScript's
// encodeURIComponent does, sends `stays%3Abatch`; the router matches the raw path and answered
// 404. The colon is decoded before routing, so both spellings reach the route. The query string
// is left as sent: its values are decoded by the query parser.

/** The request's URL with `%3A` in its path decoded to `:` (Fastify's rewriteUrl). */
export function decodePathColons(req: { url?: string }): string {
  const url = req.url ?? '/';
  const query = url.indexOf('?');
  const path = query < 0 ? url : url.slice(0, query);
  if (!/%3a/i.test(path)) return url;
  return path.replace(/%3a/gi, ':') + (query < 0 ? '' : url.slice(query));
}
