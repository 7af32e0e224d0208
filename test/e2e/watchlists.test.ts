// Watchlists in the browser: the Parepare immigration officer creates a list, types an entry by
// hand (the form shows the server's reason for a bad value), imports a small FollowTheMoney file
// and watches it finish with the per-line report, and sees the versions; the list reads on a phone.
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TestServer } from '../fixtures/server';
import { guardedContext, login } from './browser';
import { useBrowserServer } from './shared';

let server: TestServer;
let browser: Browser;

useBrowserServer((s, b) => { server = s; browser = b; });

const ftm = (id: string, properties: Record<string, string[]>) => JSON.stringify({ id, schema: 'Person', properties });
const FILE = [
  ftm('e2e-1', { name: ['Цветков Сергей'], alias: ['Sergei Tsvetkov'], birthDate: ['1979-04-03'], nationality: ['ru'] }),
  'bukan json',
  ftm('e2e-2', { name: ['Rekaan Dua Browser'], birthDate: ['1980'] }),
  ftm('e2e-3', { birthDate: ['1980'] }),
].join('\n');

describe('watchlists in the browser', () => {
  it('imigrasi.parepare adds an entry by hand and imports an FtM file, seeing progress and the per-line errors', async () => {
    const { context, page, blocked } = await guardedContext(browser, server.url);
    try {
      await login(page, 'imigrasi.parepare');
      await page.getByRole('link', { name: 'Daftar pantauan' }).first().click();
      await page.waitForURL('**/daftar-pantauan');
      // the demo holds a wanted list already (its alert scenarios): wait for the page, not for it to be empty
      await page.getByTestId('watchlist-create-open').waitFor();
      await page.getByTestId('watchlist-create-open').click();
      await page.getByTestId('watchlist-name').fill('DPO Soppeng (e2e)');
      await page.getByTestId('watchlist-source').fill('Polres Soppeng');
      await page.getByTestId('watchlist-create').click();
      await page.waitForURL(/\/daftar-pantauan\/[0-9a-f-]{36}$/);
      await page.getByTestId('entries-empty').waitFor();

      // by hand: no name is refused in the form; an unknown country by the server, under its field
      await page.getByTestId('entry-add-open').click();
      await page.getByTestId('entry-add').click();
      await page.getByText('Isi setidaknya satu nama').waitFor();
      await page.getByTestId('entry-names').fill('Rekaan Manual Browser');
      await page.getByTestId('entry-names').press('Enter');
      await page.getByTestId('entry-names').fill('Рекаан Мануал');
      await page.getByTestId('entry-names').press('Enter');
      await page.getByTestId('entry-birthdates').fill('1975');
      await page.getByTestId('entry-birthdates').press('Enter');
      await page.getByTestId('entry-nationalities').fill('XYZ');
      await page.getByTestId('entry-nationalities').press('Enter');
      await page.getByTestId('entry-add').click();
      await page.getByText('Kode negara tidak dikenal', { exact: false }).waitFor();
      await page.getByTestId('entry-nationalities').press('Backspace');
      await page.getByTestId('entry-nationalities').fill('RUS');
      await page.getByTestId('entry-nationalities').press('Enter');
      await page.getByTestId('entry-reason').fill('DPO uji browser');
      await page.getByTestId('entry-add').click();
      await page.getByTestId('entry-row').first().waitFor();
      expect(await page.getByTestId('entries').textContent()).toContain('Рекаан Мануал');
      expect(await page.getByTestId('watchlist-count').textContent()).toContain('1');

      // a file: progress to the end, the counts, and the lines that were refused
      await page.getByTestId('tab-import').click();
      await page.locator('input[type="file"]').setInputFiles({ name: 'wanted.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(FILE) });
      await page.getByTestId('import-start').click();
      await page.locator('[data-testid="import-state"][data-status="done"]').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('import-counts').textContent()).toMatch(/2 dari 2 .*2 ditambah/);
      expect(await page.getByTestId('import-error-count').textContent()).toContain('2');
      const errorRows = await page.getByTestId('import-errors').locator('tbody tr').allTextContents();
      expect(errorRows.map((r) => r.slice(0, 1))).toEqual(['2', '4']);
      expect(await page.getByTestId('import-progress').locator('[role="progressbar"]').getAttribute('aria-valuenow')).toBe('100');

      await page.getByTestId('tab-versions').click();
      await page.getByTestId('version-row').nth(1).waitFor();
      expect(await page.getByTestId('version-row').count()).toBe(2);
      await page.screenshot({ path: '/tmp/watchlists-desktop.png', fullPage: true });

      // search an alias in another script
      await page.getByTestId('tab-entries').click();
      await page.getByTestId('entry-search').fill('Цветков');
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="entry-row"]').length === 1);
      expect(await page.getByTestId('entries').textContent()).toContain('Sergei Tsvetkov');
      expect(blocked).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows the lists as cards on a phone, and no watchlists to the manpower office', async () => {
    const { context, page } = await guardedContext(browser, server.url, { width: 390, height: 844 });
    try {
      await login(page, 'polres.soppeng');
      await page.goto('/daftar-pantauan');
      await page.getByTestId('watchlist-card').first().waitFor();
      expect(await page.getByTestId('watchlist-create-open').count()).toBe(0);
      await page.getByTestId('watchlist-card').first().click();
      await page.getByTestId('entry-row').first().waitFor();
      expect(await page.getByTestId('entry-add-open').count()).toBe(0);
      await page.screenshot({ path: '/tmp/watchlists-phone.png', fullPage: true });
    } finally {
      await context.close();
    }
    const other = await guardedContext(browser, server.url);
    try {
      await login(other.page, 'disnaker.soppeng');
      expect(await other.page.getByRole('link', { name: 'Daftar pantauan' }).count()).toBe(0);
    } finally {
      await other.context.close();
    }
  });
});
