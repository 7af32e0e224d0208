// The core loop in a real browser: a hotel reports a guest through the form and gets a
// receipt; the TIMPORA dashboard of the regency counts one more foreigner, live, without reload.
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { TestServer } from '../fixtures/server';
import { guardedContext, login, pickOption, todayIn } from './browser';
import { useBrowserServer } from './shared';
import { toDmy } from '../../src/web/features/stays/dateText';

const ZONE = 'Asia/Makassar'; // Kabupaten Soppeng is WITA

let server: TestServer;
let browser: Browser;

useBrowserServer((s, b) => { server = s; browser = b; });

describe('core loop in the browser', () => {
  it('a check-in through the form shows the receipt and raises the live present-count; the check-out lowers it', async () => {
    const officer = await guardedContext(browser, server.url);
    const hotel = await guardedContext(browser, server.url);
    try {
      // The officer opens the dashboard first and keeps it open.
      await login(officer.page, 'polres.soppeng');
      await officer.page.waitForURL('**/dashboard');
      const count = officer.page.getByTestId('present-count');
      await expect.poll(async () => (await count.count()) > 0, { timeout: 15_000 }).toBe(true);
      const before = Number(await count.textContent());
      expect(Number.isInteger(before)).toBe(true);
      await expect.poll(() => officer.page.getByTestId('live-state').getAttribute('data-state'), { timeout: 10_000 }).toBe('open');

      // The hotel reports a guest.
      const page = hotel.page;
      await login(page, 'hotel.maryam');
      await page.waitForURL('**/check-in');
      const today = todayIn(ZONE);
      const passport = `E2E${Date.now().toString(36).toUpperCase()}`.slice(0, 12);
      await page.getByTestId('checkin-surname').fill('LINDQVIST');
      await page.getByTestId('checkin-given-names').fill('ASTRID MARIA');
      await page.getByTestId('checkin-sex').selectOption('F');
      await page.getByTestId('checkin-date-of-birth').fill('1988-03-14');
      await pickOption(page, 'checkin-nationality', 'Swe', /\(SWE\)/);
      await page.getByTestId('checkin-passport-number').fill(passport);
      await expect.poll(() => page.getByTestId('checkin-issuing-state').inputValue()).toMatch(/SWE/);
      await page.getByTestId('checkin-passport-expiry').fill(todayIn(ZONE, 5 * 365));
      await page.getByTestId('checkin-permit-kind').selectOption('visa_on_arrival');
      await page.getByTestId('checkin-permit-valid-from').fill(today);
      await page.getByTestId('checkin-permit-valid-until').fill(todayIn(ZONE, 29));
      await page.getByTestId('checkin-arrival-date').fill(today);
      await page.getByTestId('checkin-room').fill('214');
      await page.getByTestId('checkin-planned-departure').fill(todayIn(ZONE, 4));
      const submittedAt = Date.now();
      await page.getByTestId('checkin-submit').click();

      const receipt = page.getByTestId('receipt-number');
      await receipt.waitFor({ timeout: 15_000 });
      const receiptNumber = (await receipt.textContent())?.trim() ?? '';
      expect(receiptNumber.length).toBeGreaterThan(4);
      expect(await page.getByTestId('receipt-pdf').getAttribute('href')).toMatch(/^\/api\/v1\/stays\/[^/]+\/receipt\.pdf$/);
      await expect.poll(() => page.getByTestId('report-another').isVisible()).toBe(true);

      // The officer's dashboard follows without a reload.
      await expect.poll(async () => Number(await count.textContent()), { timeout: 5_000, interval: 100 }).toBe(before + 1);
      const latency = Date.now() - submittedAt;
      console.info(`present-count rose ${latency} ms after submit`);
      await expect.poll(() => officer.page.getByTestId('latest-table').textContent(), { timeout: 5_000 }).toContain('LINDQVIST');

      // The guest leaves: the hotel reports the check-out from its list, the count falls back.
      await page.getByTestId('nav-stays').click();
      await page.getByPlaceholder(/paspor/i).fill(passport);
      const row = page.getByTestId('stay-row').filter({ hasText: 'LINDQVIST' });
      await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
      await row.getByTestId('checkout-open').click();
      expect(await page.getByTestId('checkout-date').inputValue()).toBe(toDmy(today)); // today, as dd/mm/yyyy
      await page.getByTestId('checkout-confirm').click();
      await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(0);
      await expect.poll(async () => Number(await count.textContent()), { timeout: 5_000, interval: 100 }).toBe(before);

      // Nothing left the device, and the app keeps to the server's Content-Security-Policy.
      expect(officer.blocked).toEqual([]);
      expect(hotel.blocked).toEqual([]);
      expect([...officer.cspViolations, ...hotel.cspViolations]).toEqual([]);
    } finally {
      await officer.context.close();
      await hotel.context.close();
    }
  });

  it('client checks stop a bad form; server problem+json errors land on the right fields', async () => {
    const hotel = await guardedContext(browser, server.url);
    try {
      const page = hotel.page;
      await login(page, 'hotel.maryam');
      await page.waitForURL('**/check-in');
      // Client-side: required fields and a date of birth in the future; nothing is sent.
      let posts = 0;
      page.on('request', (r) => { if (r.method() === 'POST' && r.url().endsWith('/api/v1/stays')) posts++; });
      await page.getByTestId('checkin-date-of-birth').fill(todayIn(ZONE, 3));
      await page.getByTestId('checkin-submit').click();
      await expect.poll(() => page.getByTestId('checkin-surname').getAttribute('aria-invalid')).toBe('true');
      await expect.poll(() => page.getByTestId('checkin-date-of-birth').getAttribute('aria-invalid')).toBe('true');
      expect(posts).toBe(0);

      // Server-side: a valid form, altered on the wire so the real server rejects two fields.
      const today = todayIn(ZONE);
      await page.getByTestId('checkin-surname').fill('OKONKWO');
      await page.getByTestId('checkin-given-names').fill('CHIDI');
      await page.getByTestId('checkin-sex').selectOption('M');
      await page.getByTestId('checkin-date-of-birth').fill('1979-11-02');
      await pickOption(page, 'checkin-nationality', 'NGA', /\(NGA\)/);
      await page.getByTestId('checkin-passport-number').fill('A01234567');
      await page.getByTestId('checkin-passport-expiry').fill(todayIn(ZONE, 900));
      await page.getByTestId('checkin-permit-valid-until').fill(todayIn(ZONE, 20));
      await page.route('**/api/v1/stays', async (route) => {
        const body = JSON.parse(route.request().postData() ?? '{}');
        body.guest.dateOfBirth = todayIn(ZONE, 10);
        body.guest.document.number = 'A0#12';
        await route.continue({ postData: JSON.stringify(body) });
      });
      await page.getByTestId('checkin-submit').click();
      await expect.poll(() => page.getByTestId('checkin-date-of-birth').getAttribute('aria-invalid'), { timeout: 10_000 }).toBe('true');
      await expect.poll(() => page.getByTestId('checkin-passport-number').getAttribute('aria-invalid')).toBe('true');
      expect(await page.getByTestId('checkin-surname').getAttribute('aria-invalid')).not.toBe('true');
      expect(await page.getByTestId('receipt-number').count()).toBe(0);
      expect(posts).toBe(1);
      expect(today.length).toBe(10);
      expect(hotel.blocked).toEqual([]);
    } finally {
      await hotel.context.close();
    }
  });

  it('a hotel does not see the dashboard, and the server refuses it (403)', async () => {
    const hotel = await guardedContext(browser, server.url);
    try {
      const page = hotel.page;
      await login(page, 'hotel.maryam');
      await page.waitForURL('**/check-in');
      expect(await page.getByTestId('nav-dashboard').count()).toBe(0);
      expect(await page.getByTestId('nav-check-in').count()).toBe(1);
      await page.goto('/dashboard');
      await page.getByTestId('forbidden').waitFor({ timeout: 10_000 });
      expect(await page.getByTestId('present-count').count()).toBe(0);
      const res = await hotel.context.request.get('/api/v1/stats/present');
      expect(res.status()).toBe(403);
      expect(hotel.blocked).toEqual([]);
    } finally {
      await hotel.context.close();
    }
  });

  it('an administrator adds an agency; a wrong region code is named on its field', async () => {
    const { context, page, blocked } = await guardedContext(browser, server.url);
    try {
      await login(page, 'admin');
      await page.waitForURL('**/admin/**');
      expect(await page.getByTestId('nav-dashboard').count()).toBe(0);
      await page.getByTestId('nav-admin-agencies').click();
      await page.getByTestId('agencies-add').click();
      await page.getByTestId('agency-name').fill('Kodim 1423/Soppeng (uji)');
      await page.getByTestId('agency-region').fill('99.99');
      await page.getByTestId('agency-submit').click();
      await expect.poll(() => page.getByTestId('agency-region').getAttribute('aria-invalid'), { timeout: 10_000 }).toBe('true');
      await page.getByTestId('agency-region').fill('73.12');
      await page.getByTestId('region-name').waitFor();
      expect(await page.getByTestId('region-name').textContent()).toContain('Soppeng');
      await page.getByTestId('agency-submit').click();
      await expect.poll(() => page.getByTestId('agencies').textContent(), { timeout: 10_000 }).toContain('Kodim 1423/Soppeng (uji)');
      expect(blocked).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the language switch changes the UI and the Accept-Language of API calls', async () => {
    const { context, page } = await guardedContext(browser, server.url);
    try {
      await login(page, 'hotel.maryam');
      await page.waitForURL('**/check-in');
      expect(await page.getByTestId('checkin-submit').textContent()).toBe('Kirim laporan');
      await page.getByTestId('language-switch').getByText('EN', { exact: true }).click();
      await expect.poll(() => page.getByTestId('checkin-submit').textContent()).toBe('Send report');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      const request = page.waitForRequest((r) => r.url().includes('/api/v1/stays?'));
      await page.getByTestId('nav-stays').click();
      expect((await request).headers()['accept-language']).toBe('en');
      // The choice survives a reload.
      await page.reload();
      await expect.poll(() => page.getByTestId('tab-present').textContent()).toBe('Staying now');
    } finally {
      await context.close();
    }
  });

  it('the check-in form opens offline once the app was loaded (service worker)', async () => {
    const { context, page, blocked } = await guardedContext(browser, server.url, { serviceWorkers: 'allow' });
    try {
      await login(page, 'hotel.maryam');
      await page.waitForURL('**/check-in');
      await page.getByTestId('checkin-surname').waitFor();
      // Wait until the service worker has cached the shell and controls the page.
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
        if (!navigator.serviceWorker.controller) {
          await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
        }
      });
      const cached = await page.evaluate(async () => {
        const keys = await caches.keys();
        const cache = await caches.open(keys.find((k) => k.startsWith('sinergi-shell-'))!);
        return (await cache.keys()).map((r) => new URL(r.url).pathname);
      });
      expect(cached).toContain('/');
      expect(cached.some((p) => /^\/assets\/index-.*\.js$/.test(p))).toBe(true);
      expect(cached.some((p) => /^\/assets\/.*\.css$/.test(p))).toBe(true);
      expect(cached.some((p) => /mrz\.worker-.*\.js$/.test(p))).toBe(true);

      await context.setOffline(true);
      const offline = await context.newPage();
      await offline.goto('/check-in');
      await offline.getByTestId('checkin-surname').waitFor({ timeout: 10_000 });
      expect(await offline.getByTestId('checkin-submit').isVisible()).toBe(true);
      expect(await offline.getByTestId('scan-passport').isVisible()).toBe(true);
      expect(blocked).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('an immigration officer picks any verified lodging of the area to report for', async () => {
    const officer = await guardedContext(browser, server.url);
    try {
      await login(officer.page, 'imigrasi.parepare');
      await officer.page.goto('/check-in');
      await pickOption(officer.page, 'checkin-lodging', 'Maryam', /Hotel Maryam/);
      expect(await officer.page.getByTestId('checkin-lodging').inputValue()).toContain('Hotel Maryam');
      await officer.page.getByTestId('checkin-lodging').fill('Losari');
      expect(await officer.page.getByRole('option', { name: /Losari/ }).count()).toBe(0); // Makassar is outside the area
    } finally {
      await officer.context.close();
    }
  });
});
