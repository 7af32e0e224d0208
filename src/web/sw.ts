// Service worker of the Sinergi PWA. The build (vite.config.ts) replaces the precache list with
// every file of dist/web, so the app shell, its JS/CSS, fonts, the MRZ worker and model are all
// cached and the check-in form opens offline. The API is never cached.

const sw = self as unknown as ServiceWorkerGlobalScope;
const VERSION: string = 'dev'/*VERSION*/;
const PRECACHE: string[] = [/*PRECACHE*/];
const CACHE = `sinergi-shell-${VERSION}`;
const SHELL = '/';

function isApi(url: URL): boolean {
  return url.pathname.startsWith('/api/') || url.pathname === '/healthz' || url.pathname === '/openapi.json' || url.pathname.startsWith('/docs');
}

sw.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll(PRECACHE.map((u) => new Request(u, { cache: 'reload' })));
      await sw.skipWaiting();
    })(),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith('sinergi-shell-') && key !== CACHE) await caches.delete(key);
      }
      await sw.clients.claim();
    })(),
  );
});

sw.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== sw.location.origin || isApi(url)) return;

  if (request.mode === 'navigate') {
    // Network first for pages (fresh app after a deploy), the cached shell when offline.
    event.respondWith(
      (async () => {
        try {
          const response = await fetch(request);
          if (response.ok) {
            const cache = await caches.open(CACHE);
            await cache.put(SHELL, response.clone());
          }
          return response;
        } catch {
          const cached = await caches.match(SHELL);
          return cached ?? new Response('Offline', { status: 503, headers: { 'Content-Type': 'text/plain' } });
        }
      })(),
    );
    return;
  }

  // Static assets: cache first (file names carry content hashes), then network and remember.
  event.respondWith(
    (async () => {
      const cached = await caches.match(request, { ignoreSearch: true });
      if (cached) return cached;
      const response = await fetch(request);
      if (response.ok && response.type === 'basic') {
        const cache = await caches.open(CACHE);
        await cache.put(request, response.clone());
      }
      return response;
    })(),
  );
});
