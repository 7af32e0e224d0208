// Entity resolution in the browser: a police officer of Soppeng opens a guest's profile, sees that
// a guest with a renewed passport (same name in another order, birth date and nationality) may be
// the same person, compares the two side by side, merges them with a reason, then splits the merge.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { checkInBody } from '../fixtures/check-in';
import type { TestServer } from '../fixtures/server';
import { guardedContext, login } from './browser';
import { useBrowserServer } from './shared';

let server: TestServer;
let browser: Browser;
let oldId: string;
let newId: string;

async function checkIn(user: string, body: ReturnType<typeof checkInBody>): Promise<string> {
  const cookie = await server.login(user);
  const res = await server.app.inject({ method: 'POST', url: '/api/v1/stays', headers: { cookie }, payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return (await server.db.selectFrom('stays').select('person_id').where('id', '=', res.json().id).executeTakeFirstOrThrow()).person_id;
}

useBrowserServer((s, b) => { server = s; browser = b; });

beforeAll(async () => {
  const old = checkInBody();
  Object.assign(old.guest, { surname: 'ØSTERGÅRD', givenNames: 'MIKKEL JOHAN', sex: 'M', dateOfBirth: '1979-11-02', nationality: 'DNK' });
  old.guest.document.issuingState = 'DNK';
  const renewed = checkInBody();
  Object.assign(renewed.guest, { surname: 'Johan Ostergard', givenNames: 'Mikkel', sex: 'M', dateOfBirth: '1979-11-02', nationality: 'DNK' });
  renewed.guest.document.issuingState = 'DNK';
  oldId = await checkIn('hotel.maryam', old);
  newId = await checkIn('villa.lejja', renewed);
}), 120_000;

describe('possibly the same person, in the browser', () => {
  it('polres sees the proposal on a profile, merges it with a reason, then splits it', async () => {
    const { context, page, blocked } = await guardedContext(browser, server.url, { width: 1280, height: 900 });
    try {
      await login(page, 'polres.soppeng');
      await page.goto(`/persons/${oldId}`);
      await page.getByTestId('person-purpose').fill('Pemeriksaan identitas Timpora');
      await page.getByTestId('person-purpose-submit').click();
      const candidate = page.getByTestId('link-candidate');
      await candidate.waitFor({ timeout: 15_000 });
      expect(await candidate.count()).toBe(1);
      expect(await candidate.textContent()).toContain('Johan Ostergard, Mikkel');
      expect(await candidate.textContent()).toContain('Nama sama (urutan bebas)');
      expect(await page.getByTestId('person-timeline-item').count()).toBe(1);
      await page.screenshot({ path: '/tmp/person-links-card.png', fullPage: true });

      await page.getByTestId('link-compare-open').click();
      await page.getByTestId('link-reason').fill('Paspor diperpanjang; orang yang sama');
      await page.screenshot({ path: '/tmp/person-links-compare.png' });
      await page.getByTestId('link-merge').click();
      await page.getByTestId('merge-entry').waitFor({ timeout: 15_000 });
      await expect.poll(() => page.getByTestId('person-timeline-item').count(), { timeout: 15_000 }).toBe(2);
      expect(await page.getByTestId('link-candidate').count()).toBe(0);
      expect(await page.getByTestId('merge-entry').textContent()).toContain('Paspor diperpanjang; orang yang sama');
      const absorbed = await server.db.selectFrom('persons').select('merged_into').where('id', '=', newId).executeTakeFirstOrThrow();
      expect(absorbed.merged_into).toBe(oldId);
      // the absorbed person's old link says where it went
      await page.goto(`/persons/${newId}`);
      await page.getByTestId('person-purpose').fill('Pemeriksaan identitas Timpora');
      await page.getByTestId('person-purpose-submit').click();
      await page.getByTestId('person-merged').waitFor({ timeout: 15_000 });
      await page.getByTestId('person-merged-link').click();
      await page.getByTestId('person-purpose').fill('Pemeriksaan identitas Timpora');
      await page.getByTestId('person-purpose-submit').click();
      await page.getByTestId('merge-entry').waitFor({ timeout: 15_000 });
      expect(new URL(page.url()).pathname).toBe(`/persons/${oldId}`);

      await page.getByTestId('merge-split').click();
      await page.getByTestId('split-reason').fill('Salah gabung: dua orang berbeda');
      await page.getByTestId('split-confirm').click();
      await expect.poll(() => page.getByTestId('person-timeline-item').count(), { timeout: 15_000 }).toBe(1);
      await page.getByTestId('link-candidate').waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('merge-entry').textContent()).toContain('Salah gabung: dua orang berbeda');
      expect(await page.getByTestId('merge-split').count()).toBe(0);
      expect(blocked).toEqual([]);

      const audit = await server.db.selectFrom('audit_log').select(['action', 'actor_username']).where('resource_id', '=', oldId)
        .where('action', 'in', ['person.merged', 'person.split']).orderBy('seq').execute();
      expect(audit).toEqual([{ action: 'person.merged', actor_username: 'polres.soppeng' }, { action: 'person.split', actor_username: 'polres.soppeng' }]);
    } finally {
      await context.close();
    }
  });

  it('lists the pair in the area queue, on a phone', async () => {
    const { context, page } = await guardedContext(browser, server.url, { width: 390, height: 844 });
    try {
      await login(page, 'imigrasi.parepare');
      await page.goto('/kemungkinan-sama');
      const pair = page.getByTestId('link-pair').filter({ hasText: 'Johan Ostergard, Mikkel' });
      await pair.waitFor({ timeout: 15_000 });
      expect(await pair.textContent()).toContain('ØSTERGÅRD, MIKKEL JOHAN');
      await page.screenshot({ path: '/tmp/person-links-queue-phone.png', fullPage: true });
      // immigration decides too: the side-by-side comparison offers merge and dismissal
      await pair.getByRole('button', { name: 'Bandingkan' }).click();
      await page.getByTestId('link-merge').waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('link-dismiss').count()).toBe(1);
      await page.screenshot({ path: '/tmp/person-links-compare-phone.png' });
    } finally {
      await context.close();
    }
  });
});
