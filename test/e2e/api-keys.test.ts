// A lodging's API keys on a phone: a key is created and shown once, works as a Bearer key,
// and is revoked from its card; the list fits the screen (five table columns did not).
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { TestServer } from '../fixtures/server';
import { guardedContext, login } from './browser';
import { useBrowserServer } from './shared';

const PHONE = { width: 390, height: 844 };
const SHOTS = '/tmp/shots';

let server: TestServer;
let browser: Browser;

useBrowserServer((s, b) => { server = s; browser = b; });

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
});

const staysWith = (key: string) => fetch(`${server.url}/api/v1/stays?since=2020-01-01T00:00:00Z`, { headers: { authorization: `Bearer ${key}` } });

describe('API keys in the browser', () => {
  it('hotel.maryam creates a key on a phone, uses it, and revokes it from its card', async () => {
    const { context, page, blocked } = await guardedContext(browser, server.url, PHONE);
    try {
      await login(page, 'hotel.maryam');
      await page.goto('/api-keys');
      await page.getByTestId('apikey-name').fill('PMS resepsionis');
      await page.getByTestId('apikey-create').click();
      const value = page.getByTestId('apikey-value');
      await value.waitFor({ timeout: 15_000 });
      const key = (await value.textContent())!.trim();
      expect(key.length).toBeGreaterThan(20);
      expect((await staysWith(key)).status).toBe(200);

      const card = page.getByTestId('apikey-row').filter({ hasText: 'PMS resepsionis' });
      await expect.poll(() => card.count(), { timeout: 15_000 }).toBe(1);
      // the card shows the key's start, never the key
      await expect.poll(async () => (await card.textContent()) ?? '').toContain(`${key.slice(0, 8)}`);
      expect(await card.textContent()).not.toContain(key);
      // nothing wider than the phone: the revoke button is on screen
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const revoke = card.getByTestId('apikey-revoke');
      const box = (await revoke.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width - 16); // inside the page's padding
      // the copy button beside the long key keeps its whole label (squeezed, it read "Sali")
      const clipped = await page.getByTestId('apikey-copy').evaluate((b) => [b, ...b.querySelectorAll('*')].some((e) => e.scrollWidth > e.clientWidth + 1));
      expect(clipped).toBe(false);
      await page.screenshot({ path: `${SHOTS}/api-keys-phone.png`, fullPage: true });

      page.once('dialog', (d) => void d.accept());
      await revoke.click();
      await expect.poll(() => card.getByTestId('apikey-revoke').count(), { timeout: 15_000 }).toBe(0);
      expect(await card.textContent()).toMatch(/Dicabut|Revoked/);
      expect((await staysWith(key)).status).toBe(401);
      expect(blocked).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);
});
