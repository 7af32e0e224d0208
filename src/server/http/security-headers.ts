import type { FastifyInstance } from 'fastify';

// The web app loads nothing from other hosts (no CDN; passport images stay on the device),
// so the browser is told to refuse anything else. Mantine writes its CSS variables into a
// <style> element, hence 'unsafe-inline' for styles only. /docs (Swagger UI) sets its own.
const contentSecurityPolicy = (imgSources: readonly string[]) => [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", ["img-src 'self' data: blob:", ...imgSources].join(' '),
  "font-src 'self' data:", "connect-src 'self'", "worker-src 'self' blob:", "manifest-src 'self'",
  "object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'", "form-action 'self'",
].join('; ');

/**
 * hsts: only behind HTTPS (Secure cookies), else a browser would refuse a plain-HTTP install for a year.
 * imgSources: other hosts images may come from (the configured map tile server).
 */
export function registerSecurityHeaders(app: FastifyInstance, options: { hsts?: boolean; imgSources?: readonly string[] } = {}): void {
  const CONTENT_SECURITY_POLICY = contentSecurityPolicy(options.imgSources ?? []);
  app.addHook('onSend', async (request, reply, payload) => {
    if (options.hsts) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    const type = String(reply.getHeader('content-type') ?? '');
    if (type.startsWith('text/html') && !request.url.startsWith('/docs')) reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    if (request.url.startsWith('/api/')) reply.header('cache-control', reply.getHeader('cache-control') ?? 'no-store');
    return payload;
  });
}
