// One person, one profile: from the guest list an officer opens a foreigner's profile, states
// why, and sees identity, whereabouts and the stays of the area; the look is on the record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { foldPending } from '../../src/server/audit/pending';
import { startTestServer, type TestServer } from '../fixtures/server';
import { assertWebBuilt, guardedContext, launchBrowser, login } from './browser';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  assertWebBuilt();
  server = await startTestServer({ listen: true });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('person profile in the browser', () => {
  it('polres opens a profile from the guest list on a phone, with a purpose that lands in the audit log', async () => {
    const { context, page, blocked } = await guardedContext(browser, server.url, { width: 390, height: 844 });
    try {
      await login(page, 'polres.soppeng');
      await page.goto('/stays');
      const link = page.locator('[data-testid="person-link"]:visible').first();
      await link.waitFor({ timeout: 15_000 });
      const href = (await link.getAttribute('href'))!;
      await link.click();
      await page.waitForURL(`**${href}`);
      // nothing is shown before the purpose is given
      await page.getByTestId('person-purpose-submit').click();
      expect(await page.getByTestId('person-whereabouts').count()).toBe(0);
      await page.getByTestId('person-purpose').fill('Pemeriksaan rutin Timpora');
      await page.getByTestId('person-purpose-submit').click();
      await page.getByTestId('person-whereabouts').waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('person-name').textContent()).toMatch(/^[A-Za-zÀ-ÿ' -]+, /);
      expect(await page.getByTestId('person-whereabouts').textContent()).toMatch(/Berada di|Sudah|Tidak/);
      expect(await page.getByTestId('person-timeline-item').count()).toBeGreaterThan(0);
      expect(await page.getByTestId('person-document-number').count()).toBeGreaterThan(0);
      expect(blocked).toEqual([]);
      await foldPending(server.db);
      const reads = await server.db.selectFrom('audit_log').select('detail').where('action', '=', 'person.read').where('actor_username', '=', 'polres.soppeng').execute();
      expect(reads.map((r) => JSON.parse(r.detail).purpose)).toContain('Pemeriksaan rutin Timpora');
    } finally {
      await context.close();
    }
  });
});
