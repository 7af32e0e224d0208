// The "Impor data tamu" wizard in a real browser: a hotel uploads a small CSV, the columns
// are matched by their Indonesian headers, the dry run lists the two bad rows with reasons,
// and the import runs to a full progress bar and a summary with receipt numbers; the guests it
// stored past their planned departure join the "to close" reminder at once.
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { guestRows, HEADERS, toCsv } from '../fixtures/guest-file';
import type { TestServer } from '../fixtures/server';
import { guardedContext, login } from './browser';
import { useBrowserServer } from './shared';

let server: TestServer;
let browser: Browser;

useBrowserServer((s, b) => { server = s; browser = b; });

describe('guest import wizard', () => {
  it('uploads, maps, dry-runs with the bad rows listed, imports to 100% and lists the receipts', async () => {
    const rows = guestRows(10, { seed: 42, prefix: 'WZ' });
    rows[3]![4] = 'Narnia'; // row 5: unknown country
    rows[6]![0] = ''; // row 8: no surname
    const csv = toCsv(HEADERS, rows);
    const { page, context, blocked } = await guardedContext(browser, server.url, { width: 1280, height: 900 });
    try {
      await login(page, 'hotel.maryam');
      await page.getByTestId('nav-imports').click();
      await page.waitForURL('**/imports');
      const toClose = async () => Number(/\d+/.exec((await page.getByTestId('to-close-banner').textContent()) ?? '')?.[0] ?? 0);
      await page.getByTestId('to-close-banner').waitFor({ timeout: 15_000 });
      const toCloseBefore = await toClose();
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('import-file').click()]);
      await chooser.setFiles({ name: 'tamu-hotel.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await page.getByTestId('import-upload').click();

      // columns matched by their Indonesian names
      await expect.poll(() => page.getByTestId('map-documentNumber').inputValue(), { timeout: 15_000 }).toBe('No Paspor');
      expect(await page.getByTestId('map-surname').inputValue()).toBe('Nama Belakang');
      await page.getByTestId('import-dry-run').click();

      const errorRows = page.getByTestId('import-error-row');
      await expect.poll(() => errorRows.count(), { timeout: 15_000 }).toBe(2);
      const texts = await errorRows.allTextContents();
      expect(texts[0]).toMatch(/^5.*Kewarganegaraan.*Negara tidak dikenal/);
      expect(texts[1]).toMatch(/^8.*Nama Belakang.*Wajib diisi/);
      expect(await page.getByTestId('import-count-wouldStore').textContent()).toContain('8');

      await page.getByTestId('import-run').click();
      const bar = page.getByTestId('import-progress');
      await expect.poll(() => bar.getAttribute('data-value'), { timeout: 30_000 }).toBe('100');
      await page.getByTestId('import-summary').waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('import-count-stored').textContent()).toContain('8');
      const receipts = page.getByTestId('import-receipts').locator('tbody tr');
      await expect.poll(() => receipts.count(), { timeout: 15_000 }).toBe(8);
      expect(await receipts.first().textContent()).toMatch(/STTP\/73\.12\/\d{8}\/\d{6}/);
      // the imported guests past their planned departure join the "to close" reminder without a reload
      await expect.poll(toClose, { timeout: 15_000 }).toBeGreaterThan(toCloseBefore);
      expect(blocked).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
