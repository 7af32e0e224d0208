// The alert inbox in the browser: a guest whose permit has ended is reported, the area's
// immigration officer finds the overstay alert with its reason and works it to "resolved"
// on a phone; the history keeps each step.
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { addDays } from '../../src/domain/dates';
import { checkInBody } from '../fixtures/check-in';
import type { TestServer } from '../fixtures/server';
import { guardedContext, login, todayIn } from './browser';
import { useBrowserServer } from './shared';

let server: TestServer;
let browser: Browser;

useBrowserServer((s, b) => { server = s; browser = b; });

describe('alerts in the browser', () => {
  it('immigration resolves an overstay alert with a reason on a phone', async () => {
    const today = todayIn('Asia/Makassar'); // the rules count days in Soppeng's zone
    const body = checkInBody(today);
    body.guest.surname = 'OVERSTAYSON';
    body.guest.permit = { kind: 'visa_free_visit', validFrom: addDays(today, -40), validUntil: addDays(today, -10) };
    const hotel = await server.login('hotel.maryam');
    const res = await server.app.inject({ method: 'POST', url: '/api/v1/stays', headers: { cookie: hotel }, payload: { ...body, arrivalDate: addDays(today, -1) } });
    expect(res.statusCode).toBe(201);

    const { context, page, blocked } = await guardedContext(browser, server.url, { width: 390, height: 844 });
    try {
      await login(page, 'imigrasi.parepare');
      await page.goto('/alerts');
      const card = page.getByTestId('alert').filter({ hasText: 'OVERSTAYSON' }).first();
      await card.waitFor({ timeout: 15_000 });
      expect(await card.textContent()).toMatch(/Melebihi izin tinggal/);
      await card.click();
      const detail = page.getByTestId('alert-detail');
      await detail.waitFor();
      expect(await detail.textContent()).toMatch(/10 hari sesudahnya/);
      await page.getByTestId('alert-acknowledge').click();
      await page.getByTestId('alert-status').filter({ hasText: 'Ditanggapi' }).waitFor();
      await page.getByTestId('alert-outcome').click();
      await page.getByRole('option', { name: 'Tidak perlu tindakan' }).click();
      await page.getByTestId('alert-resolve').click();
      await page.locator('[data-testid="alert-text"][aria-invalid="true"]').waitFor(); // a reason is required, shown at its field
      await page.getByTestId('alert-text').fill('Tamu sudah berangkat, dicek ke hotel');
      await page.getByTestId('alert-resolve').click();
      await page.getByTestId('alert-status').filter({ hasText: 'Selesai' }).waitFor();
      const history = await page.getByTestId('alert-history').textContent();
      expect(history).toMatch(/Peringatan dibuat.*Ditanggapi.*Diselesaikan.*Tamu sudah berangkat/s);
      await page.screenshot({ path: '/tmp/shots/alerts-phone.png' }).catch(() => undefined);
      expect(blocked).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
