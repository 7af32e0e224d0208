// Guest pre-registration in a real browser: the hotel makes its link and downloads the QR
// poster; a guest on a phone fills the form in Arabic (right to left) and sees the problems in
// Arabic; the clerk checks the draft against the passport, adds the room and confirms it: a receipt.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { pdfText } from '../fixtures/pdf-text';
import type { TestServer } from '../fixtures/server';
import { preregMessage } from '../../src/domain/preregistration/errors';
import { guardedContext, login, todayIn } from './browser';
import { useBrowserServer } from './shared';
import { toDmy } from '../../src/web/features/stays/dateText';

const ZONE = 'Asia/Makassar';
const PHONE = { width: 390, height: 844 };

let server: TestServer;
let browser: Browser;

useBrowserServer((s, b) => { server = s; browser = b; });

describe('guest pre-registration in the browser', () => {
  it('poster, a guest\'s Arabic form on a phone, the clerk\'s confirmation with a receipt', async () => {
    const clerk = await guardedContext(browser, server.url);
    const guest = await guardedContext(browser, server.url, { ...PHONE, locale: 'ar-EG' });
    try {
      // The clerk makes the lodging's link and downloads the poster.
      const page = clerk.page;
      await login(page, 'hotel.maryam');
      await page.getByTestId('nav-preregistrations').click();
      await page.getByTestId('prereg-create-link').click();
      const url = await page.getByTestId('prereg-link-url').inputValue();
      expect(url).toMatch(/\/pra-registrasi\/[A-Za-z0-9_-]{24}$/);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('prereg-poster').click()]);
      const text = pdfText(fs.readFileSync((await download.path())!));
      expect(text).toContain('Hotel Maryam');
      expect(text).toContain('Scan to pre-register your stay');
      expect(text).toContain(new URL(url).pathname);

      // The guest scans it: the phone speaks Arabic, so the form does, right to left.
      const g = guest.page;
      await g.goto(new URL(url).pathname);
      await expect.poll(() => g.getByTestId('guest-lodging').textContent(), { timeout: 15_000 }).toBe('Hotel Maryam');
      expect(await g.getByTestId('guest-language').inputValue()).toBe('ar');
      expect(await g.evaluate(() => document.documentElement.dir)).toBe('rtl');
      expect(await g.getByTestId('guest-page').getAttribute('dir')).toBe('rtl');
      const box = await g.getByTestId('guest-surname').boundingBox();
      expect(box!.width).toBeLessThanOrEqual(PHONE.width); // fits the phone

      // Sending too early names the empty fields in Arabic.
      await g.getByTestId('guest-submit').click();
      await expect.poll(() => g.getByTestId('guest-fix').isVisible()).toBe(true);
      expect(await g.getByTestId('guest-form').textContent()).toContain(preregMessage('ar', 'field.required'));
      fs.mkdirSync('/tmp/shots', { recursive: true });
      await g.screenshot({ path: '/tmp/shots/prereg-guest-ar.png', fullPage: true }); // for a human look at the RTL layout

      const today = todayIn(ZONE);
      const passport = `AR${Date.now().toString(36).toUpperCase()}`.slice(0, 12);
      await g.getByTestId('guest-surname').fill('HASSAN');
      await g.getByTestId('guest-givenNames').fill('OMAR FAROUK');
      await g.getByTestId('guest-sex').selectOption('M');
      await g.getByTestId('guest-dateOfBirth').fill('1985-09-21');
      await g.getByTestId('guest-nationality').selectOption('EGY');
      expect(await g.getByTestId('guest-document-issuingState').inputValue()).toBe('EGY');
      await g.getByTestId('guest-document-number').fill(passport.toLowerCase());
      await g.getByTestId('guest-document-expiryDate').fill(todayIn(ZONE, 4 * 365));
      expect(await g.getByTestId('guest-arrivalDate').inputValue()).toBe(today);
      await g.getByTestId('guest-plannedDeparture').fill(todayIn(ZONE, 3));
      await g.getByTestId('guest-permitKind').selectOption('visa_on_arrival');
      const stays = Number((await server.db.selectFrom('stays').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      await g.getByTestId('guest-submit').click();
      const reference = (await g.getByTestId('guest-reference').textContent({ timeout: 15_000 }))?.trim();
      expect(reference).toMatch(/^[0-9A-F]{8}$/);
      // a draft only: nothing reported yet
      expect(Number((await server.db.selectFrom('stays').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(stays);

      // The clerk sees the draft, checks the passport, adds the room and confirms.
      await page.reload();
      const row = page.getByTestId('prereg-row').filter({ hasText: 'HASSAN' });
      await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
      expect(await row.textContent()).toContain(reference);
      await row.getByTestId('prereg-open').click();
      expect(await page.getByTestId('confirm-document-number').inputValue()).toBe(passport);
      // the clerk reads the guest's dates as dd/mm/yyyy, as on the check-in form
      expect(await page.getByTestId('confirm-permit-validUntil').inputValue()).toBe(toDmy(todayIn(ZONE, 29)));
      await page.getByTestId('confirm-room').fill('305');
      await page.screenshot({ path: '/tmp/shots/prereg-confirm.png', fullPage: true });
      await page.getByTestId('confirm-submit').click();
      const receipt = page.getByTestId('receipt-number');
      await receipt.waitFor({ timeout: 15_000 });
      const receiptNumber = (await receipt.textContent())?.trim() ?? '';
      expect(receiptNumber).toMatch(/^STTP\/73\.12\//);
      const stay = await server.db.selectFrom('stays').select(['room', 'reported_surname', 'permit_kind']).where('receipt_number', '=', receiptNumber).executeTakeFirstOrThrow();
      expect(stay).toEqual({ room: '305', reported_surname: 'HASSAN', permit_kind: 'visa_on_arrival' });
      expect(clerk.blocked.concat(guest.blocked)).toEqual([]);
    } finally {
      await clerk.context.close();
      await guest.context.close();
    }
  });
});
