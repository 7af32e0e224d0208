// A stay after its check-in, in a real browser: a clerk corrects a typo with a reason and the
// history keeps the original beside the correction (desktop and phone); the receipt PDF opens,
// its QR code carries the verify URL, and that URL says "genuine" to anyone, while a token with
// one character changed is refused.
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { checkInBody } from '../fixtures/check-in';
import { pdfHasQrOf } from '../fixtures/pdf-qr';
import { pdfText } from '../fixtures/pdf-text';
import type { TestServer } from '../fixtures/server';
import { guardedContext, login, todayIn } from './browser';
import { useBrowserServer } from './shared';

const ZONE = 'Asia/Makassar';
const PHONE = { width: 390, height: 844 };
const SHOTS = 'test-results/screenshots';

let server: TestServer;
let browser: Browser;

useBrowserServer((s, b) => { server = s; browser = b; });

/** Checks a guest in through the API as the hotel; returns the stay and the body sent. */
async function reportGuest(mutate: (b: ReturnType<typeof checkInBody>) => void = () => undefined) {
  const body = checkInBody(todayIn(ZONE));
  mutate(body);
  const cookie = await server.login('hotel.maryam');
  const res = await server.app.inject({ method: 'POST', url: '/api/v1/stays', headers: { cookie }, payload: body });
  expect(res.statusCode).toBe(201);
  return { ...(res.json() as { id: string; receiptNumber: string; verifyUrl: string }), body };
}

/** Opens the present guests, finds the guest by name and opens the correction from its row menu. */
async function correct(page: Page, givenNames: string, field: string, value: string, reason: string) {
  await page.goto('/stays');
  await page.getByLabel(/Cari/).fill(givenNames);
  const row = page.getByTestId('stay-row').filter({ hasText: givenNames });
  await row.first().waitFor({ timeout: 15_000 });
  expect(await row.count()).toBe(1);
  await row.getByTestId('stay-actions').click();
  await page.getByTestId('action-correction').click();
  await page.getByTestId(`change-${field}`).fill(value);
  await page.getByTestId('change-reason').fill(reason);
  await page.getByTestId('change-confirm').click();
  await page.getByTestId('change-confirm').waitFor({ state: 'detached', timeout: 10_000 });
}

describe('stay lifecycle in the browser', () => {
  it('keeps a correction\'s reason beside the original value, on a desktop and on a phone', async () => {
    const stay = await reportGuest((b) => { b.guest.surname = 'TESTSON'; });
    const desk = await guardedContext(browser, server.url);
    try {
      await login(desk.page, 'hotel.maryam');
      await correct(desk.page, stay.body.guest.givenNames, 'surname', 'TESTSSON', 'Salah ketik nama keluarga');
      await desk.page.goto(`/stays/${stay.id}/history`);
      const change = desk.page.getByTestId('history-change').first();
      await change.waitFor({ timeout: 10_000 });
      expect(await change.getByTestId('history-reason').textContent()).toContain('Salah ketik nama keluarga');
      expect(await change.getByTestId('history-before').first().textContent()).toBe('TESTSON');
      expect(await change.getByTestId('history-after').first().textContent()).toBe('TESTSSON');
      expect(await desk.page.getByTestId('history-original').textContent()).toContain('TESTSON');
      expect(desk.blocked).toEqual([]);
      expect(desk.cspViolations).toEqual([]);
    } finally {
      await desk.context.close();
    }

    const phone = await guardedContext(browser, server.url, PHONE);
    try {
      await login(phone.page, 'hotel.maryam');
      // on a phone the list is cards; the same menu corrects the given names
      await correct(phone.page, stay.body.guest.givenNames, 'givenNames', `${stay.body.guest.givenNames} MARIA`, 'Nama depan kurang lengkap');
      await phone.page.goto(`/stays/${stay.id}/history`);
      const changes = phone.page.getByTestId('history-change');
      await expect.poll(() => changes.count(), { timeout: 10_000 }).toBe(2);
      const newest = changes.first();
      expect(await newest.getByTestId('history-reason').textContent()).toContain('Nama depan kurang lengkap');
      expect(await newest.getByTestId('history-before').first().textContent()).toBe(stay.body.guest.givenNames);
      expect(await changes.nth(1).getByTestId('history-before').first().textContent()).toBe('TESTSON');
      const width = await phone.page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(PHONE.width);
      await phone.page.screenshot({ path: `${SHOTS}/stay-history-phone.png`, fullPage: true });
    } finally {
      await phone.context.close();
    }
  });

  it('opens the receipt PDF of a family, whose QR verifies at /verify without sign-in; one character changed is refused', async () => {
    const head = checkInBody(todayIn(ZONE));
    const family = { ...head, members: [checkInBody(todayIn(ZONE)).guest, checkInBody(todayIn(ZONE)).guest] };
    const cookie = await server.login('hotel.maryam');
    const created = (await server.app.inject({ method: 'POST', url: '/api/v1/stays', headers: { cookie }, payload: family })).json();
    const token = (created.verifyUrl as string).split('/verify/')[1]!;
    const verifyUrl = created.verifyUrl as string; // SINERGI_PUBLIC_URL's default here: http://localhost:<PORT>
    const hotel = await guardedContext(browser, server.url);
    try {
      await login(hotel.page, 'hotel.maryam');
      // the receipts tab lists it first, with its PDF
      await hotel.page.goto('/stays?tab=receipts');
      const row = hotel.page.getByTestId('receipt-row').first();
      await row.waitFor({ timeout: 15_000 });
      expect(await row.textContent()).toContain(created.receiptNumber.split('/').pop());
      const href = await row.getByTestId('receipt-list-pdf').getAttribute('href');
      const pdf = await hotel.page.request.get(href!);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      const bytes = Buffer.from(await pdf.body());
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      const text = pdfText(bytes);
      for (const g of [family.guest, ...family.members]) expect(text).toContain(g.givenNames);
      expect(text).toContain(verifyUrl);
      expect(pdfHasQrOf(bytes, verifyUrl)).toBe(true);

      // the print view lists the whole family and the same verify URL
      await hotel.page.goto(`/stays/${created.id}/receipt`);
      await expect.poll(() => hotel.page.getByTestId('receipt-guest').count(), { timeout: 10_000 }).toBe(3);
      expect(await hotel.page.getByTestId('receipt-verify-url').textContent()).toBe(verifyUrl);
      await hotel.page.getByTestId('receipt-qr').waitFor();
    } finally {
      await hotel.context.close();
    }

    // anyone, not signed in, on a phone
    const anyone = await guardedContext(browser, server.url, PHONE);
    try {
      const genuine = await anyone.page.goto(`/verify/${token}`);
      expect(genuine!.status()).toBe(200);
      expect(await anyone.page.locator('[data-verdict]').getAttribute('data-verdict')).toBe('genuine');
      expect(await anyone.page.content()).toContain(created.receiptNumber);
      expect(await anyone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      await anyone.page.screenshot({ path: `${SHOTS}/verify-genuine-phone.png`, fullPage: true });
      const flipped = token.slice(0, 20) + (token[20] === 'x' ? 'y' : 'x') + token.slice(21);
      const refused = await anyone.page.goto(`/verify/${flipped}`);
      expect(refused!.status()).toBe(404);
      expect(await anyone.page.locator('[data-verdict]').getAttribute('data-verdict')).toBe('refused');
      expect(anyone.cspViolations).toEqual([]);
    } finally {
      await anyone.context.close();
    }
  });
});
