// Done-when of the other report kinds: pt.sutera reports a foreign worker from a phone, and the
// Disnaker member of Soppeng sees the worker on the dashboard (count by report kind and the
// latest list) and opens it: employer, position and worksite shown, the passport withheld.
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { TestServer } from '../fixtures/server';
import { guardedContext, login, pickOption, todayIn } from './browser';
import { useBrowserServer } from './shared';

const ZONE = 'Asia/Makassar';
const PHONE = { width: 390, height: 844 };
const SHOTS = '/tmp/shots';

let server: TestServer;
let browser: Browser;

useBrowserServer((s, b) => { server = s; browser = b; });

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
});

describe('work reports in the browser', () => {
  it('pt.sutera reports a worker on a phone; disnaker.soppeng sees the worker on the dashboard', async () => {
    const company = await guardedContext(browser, server.url, PHONE);
    const disnaker = await guardedContext(browser, server.url);
    try {
      // Disnaker's count of workers before
      await login(disnaker.page, 'disnaker.soppeng');
      await disnaker.page.waitForURL('**/dashboard');
      // the dashboard's "by purpose" table: the row of work reports, its count cell
      const workers = disnaker.page.getByTestId('area-by-purpose').locator('tr[data-key="work"] td').nth(1);
      await expect.poll(async () => (await workers.count()) > 0, { timeout: 15_000 }).toBe(true);
      const before = Number(await workers.textContent());

      // The company lands on its report form
      const page = company.page;
      await login(page, 'pt.sutera');
      await page.waitForURL('**/work-reports/new');
      const today = todayIn(ZONE);
      const passport = `W${Date.now().toString(36).toUpperCase()}`.slice(0, 12);
      await page.getByTestId('report-surname').fill('KOWALSKA');
      await page.getByTestId('report-given-names').fill('SYNTHIA');
      await page.getByTestId('report-sex').selectOption('F');
      // dates as Indonesians write them, whatever the browser's language; shown back the same way
      await page.getByTestId('report-date-of-birth').fill('02/07/1986');
      expect(await page.getByTestId('report-date-of-birth').inputValue()).toBe('02/07/1986');
      await pickOption(page, 'report-nationality', 'POL', /\(POL\)/);
      await page.getByTestId('report-passport-number').fill(passport);
      await expect.poll(() => page.getByTestId('report-issuing-state').inputValue()).toMatch(/POL/);
      await page.getByTestId('report-passport-expiry').fill(todayIn(ZONE, 6 * 365));
      expect(await page.getByTestId('report-permit-kind').inputValue()).toBe('itas');
      await page.getByTestId('report-permit-number').fill('2C11AB0001');
      await page.getByTestId('report-permit-valid-from').fill(todayIn(ZONE, -20));
      await page.getByTestId('report-permit-valid-until').fill(todayIn(ZONE, 345));
      await page.getByTestId('work-position').fill('Ahli Pewarnaan Sutera');
      await page.getByTestId('work-permit-ref').fill('RPTKA-SINTETIS/9001/2025');
      await page.getByTestId('work-worksite-address').fill('Kompleks Pabrik Sutera, Ujung');
      // the worksite village starts at the company's own
      await expect.poll(() => page.getByTestId('work-worksite-village').inputValue(), { timeout: 10_000 }).toMatch(/73\.12\.03\.1001/);
      await page.getByTestId('work-worksite-lat').fill('-4.3321');
      await page.getByTestId('work-worksite-lng').fill('119.8703');
      await page.getByTestId('report-period-from').fill(today);
      await page.getByTestId('report-period-until').fill(todayIn(ZONE, 300));
      await page.screenshot({ path: `${SHOTS}/work-report-form-phone.png`, fullPage: true });
      await page.getByTestId('report-submit').click();
      const receipt = page.getByTestId('receipt-number');
      await receipt.waitFor({ timeout: 15_000 });
      expect((await receipt.textContent())?.replace(/\s/g, '')).toMatch(/^STTP\/73\.12\//);
      await page.screenshot({ path: `${SHOTS}/work-report-receipt-phone.png`, fullPage: true });

      // ...and finds the worker in its list, with the end-of-employment action
      await page.goto('/work-reports');
      await expect.poll(() => page.getByTestId('worker-row').first().textContent(), { timeout: 10_000 }).toContain('KOWALSKA');
      expect(await page.getByTestId('work-end-open').count()).toBeGreaterThan(0);
      await page.screenshot({ path: `${SHOTS}/workers-list-phone.png`, fullPage: true });

      // Disnaker: one more worker present, the worker in the latest list, employment on opening it
      await disnaker.page.reload();
      await expect.poll(async () => Number(await workers.textContent()), { timeout: 15_000 }).toBe(before + 1);
      const row = disnaker.page.getByTestId('stay-row').filter({ hasText: 'KOWALSKA' });
      await row.waitFor({ timeout: 10_000 });
      expect(await row.getByTestId('report-kind-work').count()).toBe(1);
      await disnaker.page.screenshot({ path: `${SHOTS}/dashboard-disnaker-workers.png`, fullPage: true });
      await row.getByRole('link', { name: /STTP/ }).click();
      const employment = disnaker.page.getByTestId('employment');
      await employment.waitFor({ timeout: 10_000 });
      expect(await employment.textContent()).toContain('Ahli Pewarnaan Sutera');
      expect(await employment.textContent()).toContain('PT Sutera Soppeng Lestari');
      // the passport stays withheld from Disnaker (field matrix)
      expect(await disnaker.page.textContent('body')).not.toContain(passport);
      expect(await disnaker.page.getByTestId('withheld-note').count()).toBe(1);
      expect(company.blocked.concat(disnaker.blocked)).toEqual([]);
    } finally {
      await company.context.close();
      await disnaker.context.close();
    }
  });
});
