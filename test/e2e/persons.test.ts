// One person, one profile: from the guest list an officer opens a foreigner's profile, states
// why, and sees identity, whereabouts and the stays of the area; the look is on the record.
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { foldPending } from '../../src/server/audit/pending';
import type { TestServer } from '../fixtures/server';
import { guardedContext, login } from './browser';
import { useBrowserServer } from './shared';

let server: TestServer;
let browser: Browser;

useBrowserServer((s, b) => { server = s; browser = b; });

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

  it('polres finds a guest by name in any order and by a dd/mm/yyyy date range, and opens the profile from the hit', async () => {
    const guest = await server.db.selectFrom('stays').innerJoin('persons', 'persons.id', 'stays.person_id')
      .select(['persons.id', 'persons.surname', 'persons.given_names', 'stays.arrival_date'])
      .where('stays.region_code', 'like', '73.12.%').where('stays.departure_date', 'is', null).where('stays.cancelled_at', 'is', null)
      .orderBy('stays.arrival_date', 'desc').executeTakeFirstOrThrow();
    const [day, month, year] = [guest.arrival_date.slice(8, 10), guest.arrival_date.slice(5, 7), guest.arrival_date.slice(0, 4)];
    const { context, page, blocked } = await guardedContext(browser, server.url, { width: 1280, height: 800 });
    try {
      await login(page, 'polres.soppeng');
      await page.goto('/cari');
      // given name first, lower case: the order and case of the words do not matter
      await page.getByRole('searchbox').fill(`${guest.given_names.split(' ')[0]!.toLowerCase()} ${guest.surname.toLowerCase()}`);
      const hit = page.getByTestId('search-hit').filter({ has: page.locator(`a[href="/persons/${guest.id}"]`) });
      await hit.waitFor({ timeout: 15_000 });
      // the date as Indonesians type it; half a date changes nothing, a wrong one says so
      await page.getByTestId('search-from').fill(`${day}/${month}`);
      expect(page.url()).not.toContain('from=');
      await page.getByTestId('search-from').fill(`31/02/${year}`);
      await page.getByText('Tanggal tidak valid').waitFor();
      await page.getByTestId('search-from').fill(`${day}/${month}/${year}`);
      await page.waitForURL(`**from=${guest.arrival_date}**`);
      await hit.waitFor();
      await hit.locator('a').first().click();
      await page.waitForURL(`**/persons/${guest.id}`);
      await page.getByTestId('person-purpose').waitFor();
      expect(blocked).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
