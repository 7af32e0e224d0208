// The field officer's early-detection form on a phone, without signal: two sightings are saved
// on the phone, the network comes back, both reach the server exactly once (even when the first
// answer is lost on the way back), and a Timpora member sees them in the triage list.
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { TestServer } from '../fixtures/server';
import { guardedContext, login, pickOption } from './browser';
import { useBrowserServer } from './shared';

const PHONE = { width: 390, height: 844 };
let server: TestServer;
let browser: Browser;

useBrowserServer((s, b) => { server = s; browser = b; });

async function sightingsOf(username: string) {
  return server.db.selectFrom('sightings').innerJoin('users', 'users.id', 'sightings.reported_by')
    .select(['sightings.id', 'sightings.note', 'sightings.lat', 'sightings.village_code', 'sightings.category'])
    .where('users.username', '=', username).execute();
}

describe('early-detection field form', () => {
  it('saves two sightings offline, sends each once when the network returns, and the team sees them', async () => {
    const tag = `E2E${Date.now().toString(36)}`;
    const { context, page, blocked } = await guardedContext(browser, server.url, PHONE);
    try {
      await context.grantPermissions(['geolocation'], { origin: server.url });
      await context.setGeolocation({ latitude: -4.3505, longitude: 119.8857 });
      await login(page, 'desa.lalabata');
      await page.waitForURL('**/sightings/new'); // the field officer's first screen
      await page.getByTestId('sighting-form').waitFor();
      // the village list is stored while there is signal
      await pickOption(page, 'sighting-village', 'Lalabata Rilau', /Lalabata Rilau/);
      await page.getByTestId('sighting-locate').click();
      await expect.poll(() => page.getByTestId('sighting-lat').inputValue()).toBe('-4.350500');
      expect(await page.getByTestId('sighting-lon').inputValue()).toBe('119.885700');

      const before = (await sightingsOf('desa.lalabata')).length;
      await context.setOffline(true);
      await expect.poll(() => page.getByTestId('sighting-online').textContent()).toBe('Tanpa sinyal');
      const reports = [
        { category: /^Bekerja$/, name: 'Pria asing berkacamata', note: `${tag} mengangkat bata` },
        { category: /^Berdagang$/, name: 'Wanita asing', note: `${tag} berjualan di pasar` },
      ];
      for (const r of reports) {
        await page.getByTestId('sighting-rw').fill('2');
        await page.getByTestId('sighting-rt').fill('4');
        await page.getByTestId('sighting-name').fill(r.name);
        await page.getByTestId('sighting-category').click();
        await page.getByRole('option', { name: r.category }).click();
        await page.getByTestId('sighting-note').fill(r.note);
        await page.getByTestId('sighting-submit').click();
        await expect.poll(() => page.getByTestId('sighting-note').inputValue()).toBe(''); // saved: the form starts again
      }
      const queued = page.getByTestId('sighting-queued');
      await expect.poll(() => queued.count()).toBe(2);
      expect(await queued.evaluateAll((els) => els.map((e) => e.getAttribute('data-state')))).toEqual(['queued', 'queued']);
      expect((await sightingsOf('desa.lalabata')).length).toBe(before);

      // the first answer is lost on the way back: the report stays queued and goes again with its key
      let lost = 0;
      await page.route('**/api/v1/sightings', async (route) => {
        if (route.request().method() === 'POST' && lost === 0) {
          lost++;
          await route.fetch(); // the server stores it...
          return route.abort('connectionreset'); // ...but the phone never hears back
        }
        return route.fallback();
      });
      await context.setOffline(false);
      await expect.poll(() => queued.evaluateAll((els) => els.map((e) => e.getAttribute('data-state'))), { timeout: 30_000 }).toEqual(['sent', 'sent']);
      expect(lost).toBe(1);

      // a replayed sync (network flaps) stores nothing more
      await context.setOffline(true);
      await context.setOffline(false);
      await page.waitForTimeout(1500);
      const stored = (await sightingsOf('desa.lalabata')).filter((s) => s.note?.startsWith(tag));
      expect(stored.map((s) => s.note).sort()).toEqual(reports.map((r) => r.note).sort());
      expect((await sightingsOf('desa.lalabata')).length).toBe(before + 2);
      expect(stored.every((s) => s.village_code === '73.12.04.1001' && Number(s.lat) === -4.3505)).toBe(true);
      // the officer sees each report's state from the server
      await expect.poll(() => page.getByTestId('sighting-queue').getByTestId('sighting-status').count(), { timeout: 40_000 }).toBe(2);
      expect(blocked).toEqual([]);
    } finally {
      await context.close();
    }

    // a Timpora member of Soppeng sees both in the triage list
    const member = await guardedContext(browser, server.url, PHONE);
    try {
      await login(member.page, 'polres.soppeng');
      await member.page.goto('/sightings');
      const list = member.page.getByTestId('sighting-triage-list');
      await expect.poll(async () => (await list.textContent()) ?? '', { timeout: 15_000 }).toContain(`${tag} mengangkat bata`);
      expect(await list.textContent()).toContain(`${tag} berjualan di pasar`);
      // the police see the exact spot
      await member.page.getByTestId('sighting-row').filter({ hasText: `${tag} mengangkat bata` }).click();
      await expect.poll(async () => (await member.page.getByTestId('sighting-detail-location').textContent()) ?? '').toContain('RW 2 / RT 4');
      expect(member.blocked).toEqual([]);
    } finally {
      await member.context.close();
    }
  }, 120_000);
});
