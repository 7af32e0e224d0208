// Who is present (issue #8): polres.soppeng opens the list of everyone present in Soppeng,
// filters to overstays (the filter lands in the URL), and opens a profile with a purpose.
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { foldPending } from '../../src/server/audit/pending';
import type { TestServer } from '../fixtures/server';
import { guardedContext, login } from './browser';
import { useBrowserServer } from './shared';

let server: TestServer;
let browser: Browser;

useBrowserServer((s, b) => { server = s; browser = b; });

describe('who is present, in the browser', () => {
  it('polres lists everyone present, filters to overstays and opens a profile with a purpose', async () => {
    const { context, page, blocked } = await guardedContext(browser, server.url, { width: 1280, height: 900 });
    try {
      await login(page, 'polres.soppeng');
      await page.locator('a[href="/hadir"]').first().click();
      await page.waitForURL('**/hadir');
      await page.getByTestId('present-row').first().waitFor({ timeout: 15_000 });
      const all = Number((await page.getByTestId('present-total').textContent())!.replace(/\D/g, ''));
      expect(all).toBeGreaterThan(20); // the demo's present guests and workers

      await page.getByTestId('present-status').getByText('Melebihi izin').click();
      await page.waitForURL('**/hadir?status=overstaying');
      await page.waitForFunction((n) => {
        const el = document.querySelector('[data-testid="present-total"]');
        return el && Number(el.textContent!.replace(/\D/g, '')) < n;
      }, all, { timeout: 15_000 });
      const rows = page.getByTestId('present-row');
      const count = await rows.count();
      expect(count).toBeGreaterThan(0);
      // every overstay carries its flag
      expect(await page.locator('[data-testid="present-row"] [data-testid="flag-overstay"]').count()).toBe(count);

      await rows.first().click();
      await page.waitForURL('**/persons/*');
      await page.getByTestId('person-purpose').fill('Pengawasan overstay Soppeng');
      await page.getByTestId('person-purpose-submit').click();
      await page.getByTestId('person-whereabouts').waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('person-name').textContent()).toMatch(/, /);
      expect(blocked).toEqual([]);
      await foldPending(server.db);
      const reads = await server.db.selectFrom('audit_log').select('detail').where('action', '=', 'person.read').where('actor_username', '=', 'polres.soppeng').execute();
      expect(reads.map((r) => JSON.parse(r.detail).purpose)).toContain('Pengawasan overstay Soppeng');
      const lists = await server.db.selectFrom('audit_log').select('detail').where('action', '=', 'present.list').execute();
      expect(lists.some((r) => JSON.parse(r.detail).query.status === 'overstaying')).toBe(true);
    } finally {
      await context.close();
    }
  });
});
