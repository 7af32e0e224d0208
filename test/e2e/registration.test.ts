// A hotel clerk registers the lodging from a phone, opens the verification link from the mail,
// and the immigration officer of the area approves it from the queue; the clerk can then report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { type TestServer, startTestServer } from '../fixtures/server';
import { type TestSmtp, startTestSmtp, tokenFrom } from '../fixtures/smtp';
import { assertWebBuilt, guardedContext, launchBrowser, login, pickOption } from './browser';

let server: TestServer;
let smtp: TestSmtp;
let browser: Browser;

beforeAll(async () => {
  assertWebBuilt();
  smtp = await startTestSmtp();
  server = await startTestServer({ listen: true, env: { SINERGI_SMTP_URL: smtp.url } });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await smtp?.close();
});

const PHONE = { width: 390, height: 844 };

describe('reporter registration in the browser', () => {
  it('a lodging registers on a phone, verifies its e-mail from the link, and imigrasi.parepare approves it in the queue', async () => {
    const clerk = await guardedContext(browser, server.url, PHONE);
    const officer = await guardedContext(browser, server.url, PHONE);
    try {
      const { page, context } = clerk;
      await context.grantPermissions(['geolocation'], { origin: server.url });
      await context.setGeolocation({ latitude: -4.3519, longitude: 119.8866 });

      await page.goto('/login');
      await page.getByTestId('login-register').click();
      await page.waitForURL('**/daftar');
      await page.getByTestId('reg-name').fill('Homestay Salotungo');
      await page.getByTestId('reg-lodgingType').selectOption('homestay');
      await page.getByTestId('reg-nib').fill('9120 0012 34567');
      await page.getByTestId('reg-address').fill('Jl. Salotungo No. 7, RT 02/RW 01');
      await pickOption(page, 'reg-province', 'Sulawesi Sel', /Sulawesi Selatan/);
      await pickOption(page, 'reg-regency', 'Soppeng', /Soppeng/);
      await pickOption(page, 'reg-district', 'Lalabata', /^Lalabata$/);
      await pickOption(page, 'reg-village', 'Lalabata Rilau', /Lalabata Rilau/);
      expect(await page.getByTestId('reg-village-code').textContent()).toContain('73.12.04.1001');
      await page.getByTestId('reg-locate').click();
      await expect.poll(() => page.getByTestId('reg-lat').inputValue()).toBe('-4.351900');
      expect(await page.getByTestId('reg-lng').inputValue()).toBe('119.886600');
      await page.getByTestId('reg-personInCharge').fill('Andi Salotungo');
      await page.getByTestId('reg-phone').fill('0812 4455 6677');
      await page.getByTestId('reg-email').fill('salotungo@example.id');
      await page.getByTestId('reg-username').fill('hotel.maryam'); // taken: the server says so under the field
      await page.getByTestId('reg-password').fill('homestay-salotungo-7');
      await page.getByTestId('reg-submit').click();
      await page.getByText('Nama pengguna sudah dipakai').waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('reg-username').getAttribute('aria-invalid')).toBe('true');
      await page.getByTestId('reg-username').fill('homestay.salotungo');
      await page.getByTestId('reg-submit').click();
      await page.getByTestId('reg-done').waitFor({ timeout: 15_000 });

      const mail = await smtp.waitFor('salotungo@example.id');
      await page.goto(`/verifikasi-email?token=${encodeURIComponent(tokenFrom(mail))}`);
      await page.getByTestId('verify-ok').waitFor({ timeout: 15_000 });
      await page.getByTestId('verify-login').click();
      await login(page, 'homestay.salotungo', 'homestay-salotungo-7');
      await page.getByTestId('registration-banner').waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('registration-banner').textContent()).toMatch(/Menunggu persetujuan/);

      // the officer, also on a phone: the queue from the menu, approve
      await login(officer.page, 'imigrasi.parepare');
      await officer.page.getByTestId('nav-burger').click();
      await officer.page.getByTestId('nav-pendaftaran').click();
      const card = officer.page.locator('[data-testid="registration-card"][data-name="Homestay Salotungo"]');
      await card.waitFor({ timeout: 15_000 });
      expect(await card.textContent()).toMatch(/9120001234567[\s\S]*Lalabata Rilau[\s\S]*terverifikasi/);
      await card.getByTestId('registration-approve').click();
      await card.waitFor({ state: 'detached', timeout: 15_000 });

      // the clerk's next look: no banner, the check-in form is there
      await page.reload();
      await page.getByTestId('nav-burger').click();
      await page.getByTestId('nav-check-in').waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('registration-banner').count()).toBe(0);
      expect(clerk.blocked).toEqual([]);
      expect(officer.blocked).toEqual([]);
      const org = await server.db.selectFrom('reporter_orgs').select(['registration_status', 'verified_at', 'lat', 'nib']).where('name', '=', 'Homestay Salotungo').executeTakeFirstOrThrow();
      expect(org).toMatchObject({ registration_status: 'approved', nib: '9120001234567', lat: -4.3519 });
      expect(org.verified_at).not.toBeNull();
    } finally {
      await clerk.context.close();
      await officer.context.close();
    }
  });
});
