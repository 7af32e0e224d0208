// The live area dashboard in a real browser: polres.soppeng keeps the dashboard of Soppeng open;
// a lodging clerk checks a guest in and later out through the API; each figure follows without a
// reload, and a district of the drill-down counts the guest too.
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { checkInBody } from '../fixtures/check-in';
import { guestRows, HEADERS, toCsv } from '../fixtures/guest-file';
import type { TestServer } from '../fixtures/server';
import { guardedContext, login, todayIn } from './browser';
import { useBrowserServer } from './shared';

const ZONE = 'Asia/Makassar'; // Kabupaten Soppeng is WITA

let server: TestServer;
let browser: Browser;

useBrowserServer((s, b) => { server = s; browser = b; });

describe('live area dashboard', () => {
  it('polres.soppeng sees Soppeng change live on a check-in and a check-out, and drills down to the district', async () => {
    const officer = await guardedContext(browser, server.url);
    try {
      const page = officer.page;
      await login(page, 'polres.soppeng');
      await page.waitForURL('**/dashboard');
      await expect.poll(() => page.getByTestId('area-current').textContent(), { timeout: 15_000 }).toMatch(/Soppeng/i);
      await expect.poll(() => page.getByTestId('live-state').getAttribute('data-state'), { timeout: 10_000 }).toBe('open');
      const number = async (testId: string) => Number(await page.getByTestId(testId).textContent());
      const summary = page.getByTestId('area-daily-summary');
      const maryam = () => page.getByTestId('area-by-lodging').locator('tr').filter({ hasText: 'Hotel Maryam' }).locator('td').nth(1).textContent().then((t) => Number(t ?? 0)).catch(() => 0);
      const present = await number('present-count');
      const expiring = await number('area-expiring');
      const arrivals = Number(await summary.getAttribute('data-arrivals'));
      const departures = Number(await summary.getAttribute('data-departures'));
      const atMaryam = await maryam();
      // the present card links to the list it counts
      expect(await page.getByTestId('present-count-card').getAttribute('href')).toBe('/hadir?status=present&region=73.12');

      // a clerk of Hotel Maryam checks a guest in (today in WITA, permit ending within 30 days)
      const hotel = await server.login('hotel.maryam');
      const today = todayIn(ZONE);
      const body = checkInBody(today, { arrivalDate: today });
      const res = await server.app.inject({ method: 'POST', url: '/api/v1/stays', headers: { cookie: hotel }, payload: body });
      expect(res.statusCode, res.body).toBe(201);
      await expect.poll(() => number('present-count'), { timeout: 5_000, interval: 100 }).toBe(present + 1);
      await expect.poll(() => number('area-expiring'), { timeout: 5_000 }).toBe(expiring + 1);
      await expect.poll(async () => Number(await summary.getAttribute('data-arrivals')), { timeout: 5_000 }).toBe(arrivals + 1);
      await expect.poll(maryam, { timeout: 5_000 }).toBe(atMaryam + 1);

      // the guest leaves today: present falls back, departures rise
      const out = await server.app.inject({ method: 'POST', url: `/api/v1/stays/${res.json().id}/checkout`, headers: { cookie: hotel }, payload: { departureDate: today } });
      expect(out.statusCode, out.body).toBe(200);
      await expect.poll(() => number('present-count'), { timeout: 5_000, interval: 100 }).toBe(present);
      await expect.poll(async () => Number(await summary.getAttribute('data-departures')), { timeout: 5_000 }).toBe(departures + 1);

      // drill down to Hotel Maryam's district: the URL keeps the region, the breadcrumb leads back
      const stay = await server.db.selectFrom('stays').select('region_code').where('id', '=', res.json().id).executeTakeFirstOrThrow();
      const district = stay.region_code.slice(0, 8);
      await page.getByTestId('area-children').locator(`tr[data-code="${district}"]`).getByTestId('area-child').click();
      await page.waitForURL(`**/dashboard?region=${district}`);
      await expect.poll(() => page.getByTestId('area-current').textContent(), { timeout: 10_000 }).not.toMatch(/Soppeng/i);
      expect(await page.getByTestId('area-breadcrumb').textContent()).toMatch(/Soppeng/i);
      const inDistrict = await number('present-count');
      const again = await server.app.inject({ method: 'POST', url: '/api/v1/stays', headers: { cookie: hotel }, payload: checkInBody(today, { arrivalDate: today }) });
      expect(again.statusCode, again.body).toBe(201);
      await expect.poll(() => number('present-count'), { timeout: 5_000, interval: 100 }).toBe(inDistrict + 1);
      await page.getByTestId('area-breadcrumb').getByRole('button', { name: /Soppeng/i }).click();
      await expect.poll(() => number('present-count'), { timeout: 10_000 }).toBe(present + 1);
    } finally {
      await officer.context.close();
    }
  }, 120_000);
  it('an import of 500 guests reaches the open dashboard as one burst: a few refetches and one counting notice, and the figures end right', async () => {
    const officer = await guardedContext(browser, server.url);
    try {
      const page = officer.page;
      await login(page, 'polres.soppeng');
      await page.waitForURL('**/dashboard');
      await expect.poll(() => page.getByTestId('live-state').getAttribute('data-state'), { timeout: 10_000 }).toBe('open');
      await expect.poll(() => page.getByTestId('present-count').textContent(), { timeout: 15_000 }).toMatch(/^\d+$/);
      // what the page asks for and shows from here on
      let statsRequests = 0;
      page.on('request', (r) => { if (r.url().includes('/api/v1/stats/area')) statsRequests++; });
      await page.evaluate(() => {
        const w = window as unknown as { noticesShown: string[] };
        w.noticesShown = [];
        new MutationObserver((changes) => {
          for (const c of changes) for (const n of c.addedNodes) {
            if (n instanceof HTMLElement && n.matches('.mantine-Notification-root')) w.noticesShown.push(n.textContent ?? '');
          }
        }).observe(document.body, { childList: true, subtree: true });
      });

      const hotel = await server.login('hotel.maryam');
      const csv = toCsv(HEADERS, guestRows(500, { seed: 99, prefix: 'DB', spreadDays: 3, today: todayIn(ZONE) }));
      const created = (await server.app.inject({ method: 'POST', url: '/api/v1/imports?fileName=burst.csv', headers: { cookie: hotel, 'content-type': 'text/csv' }, payload: csv })).json();
      expect((await server.app.inject({ method: 'POST', url: `/api/v1/imports/${created.id}/run`, headers: { cookie: hotel }, payload: { mapping: created.suggested } })).statusCode).toBe(202);
      const started = Date.now();
      await expect.poll(async () => (await server.app.inject({ method: 'GET', url: `/api/v1/imports/${created.id}`, headers: { cookie: hotel } })).json().status, { timeout: 60_000 }).toBe('done');

      // the figures end where the server's are (the officer's own answer, fetched once the burst is over)
      await new Promise((r) => setTimeout(r, 1500));
      const expected = (await (await page.request.get(`${server.url}/api/v1/stats/area`)).json()).present.total as number;
      await expect.poll(async () => Number(await page.getByTestId('present-count').textContent()), { timeout: 5_000 }).toBe(expected);
      const seconds = (Date.now() - started) / 1000;
      // at most one refetch a second (plus the first and the last), not one per event
      expect(statsRequests, `${statsRequests} refetches in ${seconds.toFixed(1)} s`).toBeLessThanOrEqual(Math.ceil(seconds) + 3);
      const notices = await page.evaluate(() => (window as unknown as { noticesShown: string[] }).noticesShown);
      expect(notices.length, notices.join(' | ')).toBeLessThanOrEqual(Math.ceil(seconds) + 2);
      expect(notices.join(' ')).toMatch(/\d+ laporan baru/);
    } finally {
      await officer.context.close();
    }
  }, 120_000);
});
