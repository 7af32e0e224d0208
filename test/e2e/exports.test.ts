// Exports in the browser: an officer exports the stays list as XLSX, states why, watches the
// progress bar and downloads the file; the file holds the columns the officer's agency may see.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { TestServer } from '../fixtures/server';
import { guardedContext, login } from './browser';
import { useBrowserServer } from './shared';

let server: TestServer;
let browser: Browser;

useBrowserServer((s, b) => { server = s; browser = b; });

describe('exports in the browser', () => {
  it('polres exports the stays list as XLSX with a purpose, sees the progress and downloads the file', async () => {
    const { context, page, blocked } = await guardedContext(browser, server.url);
    try {
      await login(page, 'polres.soppeng');
      await page.goto('/stays');
      const open = page.locator('[data-testid="export-stays"]:visible').first();
      await open.waitFor({ timeout: 15_000 });
      await open.click();
      // without a real purpose nothing is made
      await page.getByTestId('export-purpose').fill('ab');
      await page.getByTestId('export-start').click();
      await page.getByTestId('export-error').waitFor();
      expect(await server.db.selectFrom('exports').select('id').execute()).toHaveLength(0);
      await page.getByTestId('export-purpose').fill('Bahan rapat Timpora Desember');
      await page.getByTestId('export-start').click();
      await page.getByTestId('export-progress').waitFor();
      await page.locator('[data-testid="export-job"][data-status="done"]').waitFor({ timeout: 30_000 });
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-download').click()]);
      expect(download.suggestedFilename()).toMatch(/^sinergi-stays-\d{4}-\d{2}-\d{2}\.xlsx$/);
      const file = await download.path();
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(fs.readFileSync(file!) as unknown as ArrayBuffer);
      const sheet = book.worksheets[0]!;
      const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
      expect(header).toContain('Nomor paspor');
      expect(header).toContain('Dilaporkan (WITA)');
      expect(header).not.toContain('Pemberi kerja');
      const job = await server.db.selectFrom('exports').selectAll().executeTakeFirstOrThrow();
      expect(job).toMatchObject({ status: 'done', purpose: 'Bahan rapat Timpora Desember', format: 'xlsx' });
      expect(sheet.actualRowCount).toBe(Number(job.rows_total) + 1);
      expect(blocked).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
