// Need to know in the browser: every Timpora member opens the area's guest list, but sees
// only the field groups its agency needs (the rest is marked "disembunyikan"); a lodging
// elsewhere sees none of the area; immigration decides identity conflicts side by side.
// Screenshots go to /tmp/shots for a human look at the Indonesian UI.
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { TestServer } from '../fixtures/server';
import { checkInBody } from '../fixtures/check-in';
import { guardedContext, login, todayIn } from './browser';
import { useBrowserServer } from './shared';

const SHOTS = '/tmp/shots';
const PHONE = { width: 390, height: 844 };

let server: TestServer;
let browser: Browser;

interface StayJson { id: string; regionCode: string; guest: { surname: string | null; document: { number: string | null; issuingState: string | null } } }

useBrowserServer((s, b) => { server = s; browser = b; });

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  // Findings are stored with a report; give one listed Soppeng stay two of them to show.
  const polres = await server.login('polres.soppeng');
  const first = (await server.app.inject({ url: '/api/v1/stays?present=true&sort=surname&pageSize=1', headers: { cookie: polres } })).json().items[0] as StayJson;
  await server.db.updateTable('stays').set({ findings: JSON.stringify(['passport_expired', 'late_report']) }).where('id', '=', first.id).execute();
});

/** Signs in and opens the guest list from the navigation (the burger first on a phone). */
async function openGuestList(page: Page, username: string, phone = false): Promise<void> {
  await login(page, username);
  if (phone) await page.getByTestId('nav-burger').click();
  await page.getByTestId('nav-stays').click();
  await page.waitForURL('**/stays');
  await expect.poll(() => page.getByTestId('stay-row').count(), { timeout: 15_000 }).toBeGreaterThan(0);
}

async function passportCells(page: Page): Promise<{ text: string; withheld: number }[]> {
  // read in one go: the list may re-render (a refetch, a live event) between cell-by-cell reads
  return page.getByTestId('stay-passport').evaluateAll((els) => els.map((el) => ({
    text: el.textContent?.trim() ?? '', withheld: el.querySelectorAll('[data-testid="withheld"]').length,
  })));
}

describe('need to know in the guest list', () => {
  it('polres sees the Soppeng guests with passport numbers and findings', async () => {
    const { context, page, blocked } = await guardedContext(browser, server.url);
    try {
      await openGuestList(page, 'polres.soppeng');
      const cells = await passportCells(page);
      expect(cells.length).toBeGreaterThan(0);
      for (const c of cells) {
        expect(c.withheld).toBe(0);
        expect(c.text).toMatch(/^[A-Z0-9]{5,}$/);
      }
      expect(await page.getByTestId('checkout-open').count()).toBe(0); // a Timpora member does not report check-outs
      // the demo has a few of each (the present list's flags and the alert scenarios)
      await expect.poll(() => page.getByTestId('finding-passport_expired').count()).toBeGreaterThan(0);
      expect(await page.getByTestId('finding-passport_expired').first().textContent()).toBe('Paspor kedaluwarsa');
      expect(await page.getByTestId('finding-late_report').first().textContent()).toBe('Laporan terlambat');
      expect(await page.getByText('null').count()).toBe(0);
      await page.screenshot({ path: `${SHOTS}/stays-polres.png`, fullPage: true });
      expect(blocked).toEqual([]);
    } finally {
      await context.close();
    }
  });

  for (const username of ['kesbangpol.soppeng', 'disnaker.soppeng']) {
    it(`${username} sees the list with the passport withheld`, async () => {
      const { context, page } = await guardedContext(browser, server.url);
      try {
        await openGuestList(page, username);
        const cells = await passportCells(page);
        expect(cells.length).toBeGreaterThan(0);
        for (const c of cells) {
          expect(c.withheld).toBe(1);
          expect(c.text).toBe('disembunyikan');
        }
        // Names, lodging and the late report stay visible; the passport finding does not.
        expect(await page.getByTestId('stay-row').first().textContent()).toMatch(/[A-Z]{2,}/);
        await expect.poll(() => page.getByTestId('finding-late_report').count(), { timeout: 10_000 }).toBeGreaterThan(0);
        expect(await page.getByTestId('finding-passport_expired').count()).toBe(0);
        const marker = page.getByTestId('stay-passport').first().getByTestId('withheld');
        await marker.hover();
        await expect.poll(() => page.getByRole('tooltip').textContent()).toBe('Tidak diperlukan untuk tugas instansi Anda');
        await page.screenshot({ path: `${SHOTS}/stays-${username.split('.')[0]}.png`, fullPage: true });
        expect(await page.getByText('null').count()).toBe(0);
      } finally {
        await context.close();
      }
    });
  }

  it('hotel.makassar sees none of Soppeng', async () => {
    const polres = await server.login('polres.soppeng');
    const soppeng = (await server.app.inject({ url: '/api/v1/stays?pageSize=5', headers: { cookie: polres } })).json().items as StayJson[];
    const passport = soppeng[0]!.guest.document.number!;
    const { context, page } = await guardedContext(browser, server.url);
    try {
      await login(page, 'hotel.makassar');
      await page.getByTestId('nav-stays').click();
      await page.waitForURL('**/stays');
      await page.getByPlaceholder(/paspor/i).first().fill(passport);
      await expect.poll(async () => page.getByText(/Tidak ada/).count(), { timeout: 10_000 }).toBeGreaterThan(0);
      expect(await page.getByTestId('stay-row').count()).toBe(0);
      const res = await context.request.get('/api/v1/stays?pageSize=100');
      expect(res.status()).toBe(200);
      for (const s of (await res.json()).items as StayJson[]) expect(s.regionCode.startsWith('73.12')).toBe(false);
      const one = await context.request.get(`/api/v1/stays/${soppeng[0]!.id}`);
      expect(one.status()).toBe(404);
    } finally {
      await context.close();
    }
  });

  it('on a phone the list is cards, with the withheld markers', async () => {
    const { context, page } = await guardedContext(browser, server.url, PHONE);
    try {
      await openGuestList(page, 'kesbangpol.soppeng', true);
      expect(await page.locator('table [data-testid="stay-row"]').count()).toBe(0);
      const card = page.getByTestId('stay-row').first();
      expect(await card.evaluate((el) => el.tagName)).toBe('DIV');
      // polled: the list may re-render between reads (count() alone does not wait for the card)
      await expect.poll(() => card.getByTestId('withheld').count(), { timeout: 10_000 }).toBeGreaterThan(0);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(PHONE.width);
      await page.screenshot({ path: `${SHOTS}/stays-kesbangpol-phone.png` });
      // The receipt of a stay opened from the list shows the markers too.
      await card.getByRole('link').first().click();
      await page.getByTestId('receipt-number').waitFor({ timeout: 10_000 });
      // the receipt lists each guest of its group; the passport line (number and issuing state) is withheld for each
      const guests = await page.getByTestId('receipt-guest').count();
      expect(guests).toBeGreaterThan(0);
      expect(await page.getByTestId('withheld').count()).toBe(guests);
      await page.screenshot({ path: `${SHOTS}/receipt-kesbangpol-phone.png`, fullPage: true });
    } finally {
      await context.close();
    }
  });
});

describe('identity conflicts', () => {
  it('immigration sees the person beside the report and keeps the person, with a reason', async () => {
    // A report of a known passport with another name and birth date makes a conflict.
    const officer = await server.login('imigrasi.parepare');
    const known = (await server.app.inject({ url: '/api/v1/stays?pageSize=1&sort=surname', headers: { cookie: officer } })).json().items[0] as StayJson;
    const hotel = await server.login('hotel.maryam');
    const body = checkInBody(todayIn('Asia/Makassar'));
    body.guest.surname = 'ALTERED';
    body.guest.dateOfBirth = '1970-01-01';
    body.guest.document = { ...body.guest.document, number: known.guest.document.number!, issuingState: known.guest.document.issuingState! };
    const created = await server.app.inject({ method: 'POST', url: '/api/v1/stays', headers: { cookie: hotel, 'idempotency-key': `conflict-${Date.now()}` }, payload: body });
    expect(created.statusCode).toBe(201);

    const { context, page } = await guardedContext(browser, server.url);
    try {
      await login(page, 'imigrasi.parepare');
      await page.getByTestId('nav-identity-conflicts').click();
      // the demo has a conflict of its own: this test works the one it made
      const conflict = page.getByTestId('conflict').filter({ hasText: 'ALTERED' }).first();
      await conflict.waitFor({ timeout: 10_000 });
      expect(await conflict.getByTestId('conflict-field-surname').textContent()).toContain('ALTERED');
      expect(await conflict.textContent()).toContain('Data orang (tercatat)');
      await page.screenshot({ path: `${SHOTS}/conflicts-imigrasi.png`, fullPage: true });
      await conflict.getByTestId('conflict-keep').click();
      await page.getByTestId('conflict-confirm').click();
      expect(await page.getByTestId('conflict-reason').getAttribute('aria-invalid')).toBe('true'); // a reason is required
      await page.getByTestId('conflict-reason').fill('Paspor diperiksa langsung: data orang sudah benar');
      await page.screenshot({ path: `${SHOTS}/conflicts-resolve-modal.png` });
      await page.getByTestId('conflict-confirm').click();
      await expect.poll(() => page.getByTestId('conflict').filter({ hasText: 'ALTERED' }).count(), { timeout: 10_000 }).toBe(0);
      await page.getByTestId('conflict-status').getByText('Selesai').click();
      await page.getByTestId('conflict-resolution').first().waitFor({ timeout: 10_000 });
      expect(await page.getByTestId('conflict-resolution').first().textContent()).toContain('data orang dipertahankan');
      await page.setViewportSize(PHONE);
      await page.reload();
      await page.getByTestId('conflict-status').getByText('Selesai').click();
      await page.getByTestId('conflict-resolution').first().waitFor({ timeout: 10_000 });
      await page.screenshot({ path: `${SHOTS}/conflicts-resolved-phone.png`, fullPage: true });
    } finally {
      await context.close();
    }
  });

  it('a Timpora member without screening has no conflicts screen', async () => {
    const { context, page } = await guardedContext(browser, server.url);
    try {
      await login(page, 'kesbangpol.soppeng');
      await page.getByTestId('nav-stays').waitFor({ timeout: 10_000 });
      expect(await page.getByTestId('nav-identity-conflicts').count()).toBe(0);
      await page.goto('/identity-conflicts');
      await page.getByTestId('forbidden').waitFor({ timeout: 10_000 });
    } finally {
      await context.close();
    }
  });
});

describe('exports in the browser', () => {
  it('kesbangpol exports the guest list with a purpose; the file has no passport column', async () => {
    const { context, page } = await guardedContext(browser, server.url);
    try {
      await openGuestList(page, 'kesbangpol.soppeng');
      await page.locator('[data-testid="export-stays"]:visible').first().click();
      await page.getByTestId('export-purpose').fill('ab');
      await page.getByTestId('export-start').click();
      await expect.poll(() => page.getByTestId('export-error').textContent()).toContain('minimal 3');
      await page.getByTestId('export-purpose').fill('Bahan rapat Timpora Desember');
      await page.getByTestId('export-format').getByText('CSV', { exact: true }).click();
      await page.getByTestId('export-start').click();
      await page.locator('[data-testid="export-job"][data-status="done"]').waitFor({ timeout: 30_000 }).catch(async (err) => {
        await page.screenshot({ path: '/tmp/export-fail.png' });
        throw err;
      });
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-download').click()]);
      const file = fs.readFileSync((await download.path())!, 'utf8');
      const header = file.split('\r\n')[0]!;
      expect(header).toContain('Nama keluarga');
      expect(header).not.toContain('Nomor paspor');
      expect(file.split('\r\n').filter(Boolean).length).toBeGreaterThan(1);
    } finally {
      await context.close();
    }
  });
});

describe('the auditor in the browser', () => {
  it('reviews who looked at whose data, filtered by who and what, and verifies the chain', async () => {
    // something to review: a guest of its own for this test (not whichever stay is newest), whose details polres opens (an audited read)
    const polres = await server.login('polres.soppeng');
    const hotel = await server.login('hotel.maryam');
    const body = checkInBody();
    body.guest.surname = 'AUDITVANGER';
    const created = await server.app.inject({ method: 'POST', url: '/api/v1/stays', headers: { cookie: hotel }, payload: body });
    expect(created.statusCode).toBe(201);
    const stay = (await server.app.inject({ url: `/api/v1/stays/${created.json().id}`, headers: { cookie: polres } })).json() as StayJson;
    expect((await server.app.inject({ url: `/api/v1/stays/${stay.id}`, headers: { cookie: polres } })).statusCode).toBe(200);

    const { context, page, blocked } = await guardedContext(browser, server.url, PHONE);
    try {
      await login(page, 'auditor');
      await page.waitForURL('**/audit');
      await page.getByTestId('audit-filter-actor').fill('polres.soppeng');
      await page.getByTestId('audit-filter-action').fill('person.read');
      await page.getByTestId('audit-filter-apply').click();
      const table = page.getByTestId('audit-entries');
      await expect.poll(async () => (await table.count()) && (await table.textContent()), { timeout: 15_000 }).toContain(stay.id);
      const text = (await table.textContent()) ?? '';
      expect(text).toContain('polres.soppeng');
      // the trail names whom by id, never by name: the auditor sees no personal data
      expect(text).not.toContain(stay.guest.surname ?? '(none)');
      await page.screenshot({ path: `${SHOTS}/auditor-trail-phone.png`, fullPage: true });

      await page.getByTestId('audit-tab-integrity').click();
      await page.getByTestId('audit-verify').click();
      await expect.poll(async () => page.getByTestId('audit-last-verification').textContent(), { timeout: 15_000 }).toMatch(/\d/);
      expect(blocked).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('findings on the check-in form', () => {
  it('a lodging sees an expired passport flagged before sending, not refused', async () => {
    const { context, page } = await guardedContext(browser, server.url, PHONE);
    try {
      await login(page, 'hotel.maryam');
      await page.goto('/check-in');
      expect(await page.getByTestId('checkin-findings').count()).toBe(0);
      await page.getByTestId('checkin-passport-expiry').fill('2024-01-15');
      await expect.poll(() => page.getByTestId('checkin-finding-passport_expired').textContent()).toBe('Paspor sudah habis berlaku');
    } finally {
      await context.close();
    }
  });
});
