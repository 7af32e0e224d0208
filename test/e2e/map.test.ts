// The supervision map: polres.soppeng opens the map of Soppeng and sees the lodgings, worksites
// and sightings as markers with counts, on a plain background when no tiles are configured and
// on tiles from a (local) tile server when one is; the counts follow a check-in and a check-out
// live; a marker or a row lists who is there, and a name opens the profile, which asks why.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { localDate } from '../../src/domain/regions';
import { checkInBody } from '../fixtures/check-in';
import { startTestServer, type TestServer } from '../fixtures/server';
import { assertWebBuilt, guardedContext, launchBrowser, login } from './browser';

// a 1×1 PNG: every tile the map asks for
const TILE = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

let browser: Browser;
let tiles: http.Server;
let tileHits = 0;
let tileOrigin = '';

beforeAll(async () => {
  assertWebBuilt();
  browser = await launchBrowser();
  tiles = http.createServer((req, res) => {
    if (/^\/\d+\/\d+\/\d+\.png$/.test(req.url ?? '')) {
      tileHits++;
      res.writeHead(200, { 'content-type': 'image/png' }).end(TILE);
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => tiles.listen(0, '127.0.0.1', resolve));
  tileOrigin = `http://127.0.0.1:${(tiles.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await browser?.close();
  if (tiles) {
    tiles.closeAllConnections();
    await new Promise<void>((resolve) => tiles.close(() => resolve()));
  }
});

interface Place { kind: string; id: string; name: string; lat: number | null; count: number }

/** What the map should add up to: the places polres may pin (it sees exact sighting positions). */
async function expectedOnMap(server: TestServer, cookie: string) {
  const places = (await server.app.inject({ url: '/api/v1/map/places', headers: { cookie } })).json().places as Place[];
  return { places, total: places.filter((p) => p.lat !== null).reduce((n, p) => n + p.count, 0) };
}

/** The sum of the counts on the markers and clusters now drawn. */
const countOnMap = (page: Page) => page.$$eval('[data-testid="map-canvas"] .sinergi-count', (els) => els.reduce((n, e) => n + Number((e as HTMLElement).dataset.count), 0));

async function waitForMapTotal(page: Page, total: number) {
  await page.waitForFunction((n) => {
    const els = document.querySelectorAll<HTMLElement>('[data-testid="map-canvas"] .sinergi-count');
    return [...els].reduce((sum, e) => sum + Number(e.dataset.count), 0) === n;
  }, total, { timeout: 20_000 });
}

async function checkInAndOut(server: TestServer, clerk: string, during: () => Promise<void>, after: () => Promise<void>) {
  const stay = await server.app.inject({ method: 'POST', url: '/api/v1/stays', headers: { cookie: clerk }, payload: checkInBody() });
  expect(stay.statusCode, stay.body).toBe(201);
  await during();
  const out = await server.app.inject({
    method: 'POST', url: `/api/v1/stays/${stay.json().id}/checkout`, headers: { cookie: clerk }, payload: { departureDate: localDate(new Date(), 'WITA') },
  });
  expect(out.statusCode, out.body).toBe(200);
  await after();
}

describe('the supervision map in the browser', () => {
  it('without tiles: markers on a plain background, the list by village, live counts, who is there and the profile', async () => {
    const server = await startTestServer({ listen: true });
    const { context, page, blocked, cspViolations } = await guardedContext(browser, server.url);
    try {
      const polres = await server.login('polres.soppeng');
      const clerk = await server.login('hotel.maryam');
      const { places, total } = await expectedOnMap(server, polres);
      const maryam = places.find((p) => p.name === 'Hotel Maryam')!;
      const villa = places.find((p) => p.name === 'Villa Lejja Indah')!;
      expect(places.map((p) => p.name)).not.toContain('Hotel Losari Permai');

      await login(page, 'polres.soppeng');
      await page.getByRole('link', { name: 'Peta' }).click();
      await page.waitForURL('**/peta');
      await page.getByTestId('no-tiles').waitFor();
      await waitForMapTotal(page, total);
      expect(total).toBeGreaterThan(0);
      expect(await page.locator('img.leaflet-tile').count()).toBe(0);
      await page.screenshot({ path: '/tmp/map-plain-desktop.png' });

      // a marker lists who is there
      await page.locator(`[data-place="${villa.id}"]`).click();
      const drawer = page.getByTestId('place-persons');
      await drawer.waitFor();
      await expect.poll(() => page.getByRole('dialog').textContent()).toContain('Villa Lejja Indah');
      await expect.poll(() => drawer.getByRole('link').count()).toBe(villa.count);
      await page.keyboard.press('Escape');

      // the counts follow a check-in and a check-out live, on the map
      await checkInAndOut(server, clerk, () => waitForMapTotal(page, total + 1), () => waitForMapTotal(page, total));

      // and in the list by village
      await page.getByText('Daftar per desa', { exact: true }).click();
      const row = page.getByTestId('place-list').locator(`[data-place="${maryam.id}"]`);
      const rowCount = () => row.locator('.place-count').textContent().then(Number);
      await expect.poll(rowCount).toBe(maryam.count);
      await checkInAndOut(server, clerk, () => expect.poll(rowCount, { timeout: 20_000 }).toBe(maryam.count + 1), () => expect.poll(rowCount, { timeout: 20_000 }).toBe(maryam.count));

      // a name opens the profile, which first asks for the purpose
      await row.getByRole('button').click();
      const first = page.getByTestId('place-persons').getByRole('link').first();
      await first.waitFor();
      await first.click();
      await page.waitForURL('**/persons/**');
      await page.getByTestId('person-purpose').waitFor();
      expect(blocked).toEqual([]);
      expect(cspViolations).toEqual([]);
    } finally {
      await context.close();
      await server.close();
    }
  });

  it('with a tile server: tiles load from it on a phone, and the counts change live', async () => {
    const server = await startTestServer({
      listen: true, env: { SINERGI_MAP_TILE_URL: `${tileOrigin}/{z}/{x}/{y}.png`, SINERGI_MAP_ATTRIBUTION: 'Ubin uji lokal' },
    });
    const { context, page, blocked, cspViolations } = await guardedContext(browser, server.url, { width: 390, height: 844 });
    // the configured tile server is the one other host the page may reach
    await context.route(`${tileOrigin}/**`, (route) => route.continue());
    try {
      const polres = await server.login('polres.soppeng');
      const clerk = await server.login('hotel.maryam');
      const { total } = await expectedOnMap(server, polres);
      await login(page, 'polres.soppeng');
      await page.goto('/peta');
      await page.locator('img.leaflet-tile-loaded').first().waitFor({ timeout: 20_000 });
      expect(tileHits).toBeGreaterThan(0);
      expect(await page.getByTestId('no-tiles').count()).toBe(0);
      expect(await page.locator('.leaflet-control-attribution').textContent()).toContain('Ubin uji lokal');
      await waitForMapTotal(page, total);
      expect(await countOnMap(page)).toBe(total);
      const box = (await page.getByTestId('map-canvas').boundingBox())!;
      expect(box.width).toBeLessThanOrEqual(390);
      await page.screenshot({ path: '/tmp/map-tiles-phone.png' });
      await checkInAndOut(server, clerk, () => waitForMapTotal(page, total + 1), () => waitForMapTotal(page, total));
      expect(blocked).toEqual([]);
      expect(cspViolations).toEqual([]);
    } finally {
      await context.close();
      await server.close();
    }
  });
});
