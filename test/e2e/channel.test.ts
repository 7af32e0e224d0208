// The team channel in the browser, replacing the WhatsApp group: immigration (desktop) mentions the
// Polres member, who has the channel open on a phone and sees the message and the bell's notice
// arrive live, without reloading; the notice opens the message.
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { TestServer } from '../fixtures/server';
import { guardedContext, login } from './browser';
import { useBrowserServer } from './shared';

let server: TestServer;
let browser: Browser;

useBrowserServer((s, b) => { server = s; browser = b; });

describe('team channel in the browser', () => {
  it('the Polres member sees a channel mention live on a phone', async () => {
    const chair = await guardedContext(browser, server.url);
    const polres = await guardedContext(browser, server.url, { width: 390, height: 844 });
    try {
      await login(polres.page, 'polres.soppeng');
      await polres.page.goto('/channel');
      await polres.page.getByTestId('channel-page').waitFor({ timeout: 15_000 });
      expect(await polres.page.getByTestId('channel-page').textContent()).toMatch(/Timpora Kabupaten Soppeng/);
      await polres.page.getByText('Panduan tersemat').waitFor();

      await login(chair.page, 'imigrasi.parepare');
      await chair.page.goto('/channel');
      const composer = chair.page.getByTestId('composer');
      await composer.waitFor({ timeout: 15_000 });
      await composer.click();
      await composer.pressSequentially('Mohon @polr');
      await chair.page.getByTestId('suggest-polres.soppeng').click(); // autocomplete of members
      await composer.pressSequentially('cek WNA di Villa Lejja hari ini');
      expect(await composer.inputValue()).toBe('Mohon @polres.soppeng cek WNA di Villa Lejja hari ini');
      await chair.page.getByTestId('send').click();
      await chair.page.getByTestId('message').filter({ hasText: 'Villa Lejja' }).waitFor();

      // live on the phone: the message appears and the bell counts the mention, no reload
      const arrived = polres.page.getByTestId('message').filter({ hasText: 'Villa Lejja' });
      await arrived.waitFor({ timeout: 10_000 });
      expect(await arrived.getByTestId('mention').textContent()).toBe('@polres.soppeng');
      await polres.page.locator('[data-testid="bell-count"] .mantine-Indicator-indicator').filter({ hasText: '1' }).waitFor({ timeout: 10_000 });
      await polres.page.getByTestId('bell').click();
      const notice = polres.page.getByTestId('notice').first();
      expect(await notice.textContent()).toMatch(/Petugas Inteldakim Kanim Parepare menyebut Anda di Timpora Kabupaten Soppeng/);
      await notice.click();
      await polres.page.waitForURL(/\/channel\/[^/]+\?message=/);
      await polres.page.screenshot({ path: '/tmp/shots/channel-phone.png' }).catch(() => undefined);

      // the Polres member answers in the thread on the phone; the chair sees the reply count and resolves it
      await polres.page.getByTestId('message').filter({ hasText: 'Villa Lejja' }).getByTestId('open-thread').click();
      const threadComposer = polres.page.getByTestId('thread-composer');
      await threadComposer.fill('Siap, tim meluncur jam 10.');
      await polres.page.getByTestId('thread-send').click();
      await polres.page.getByTestId('thread-panel').getByText('Siap, tim meluncur jam 10.').waitFor();
      await chair.page.getByTestId('message').filter({ hasText: 'Villa Lejja' }).getByText('1 balasan').waitFor({ timeout: 10_000 });
      await chair.page.getByTestId('message').filter({ hasText: 'Villa Lejja' }).getByLabel('Tindakan').click();
      await chair.page.getByText('Tandai utas selesai').click();
      await chair.page.getByTestId('message').filter({ hasText: 'Villa Lejja' }).getByTestId('resolved-badge').waitFor();
      await polres.page.getByTestId('thread-panel').getByText('Utas ini sudah ditandai selesai.').waitFor({ timeout: 10_000 });
      await polres.page.screenshot({ path: '/tmp/shots/channel-thread-phone.png' }).catch(() => undefined);

      // the chair (ketua) sees in the log that the notice went to Polres and was read
      await chair.page.reload();
      await chair.page.getByText('Log notifikasi', { exact: false }).click();
      const log = chair.page.getByTestId('notice-log');
      await log.waitFor();
      await chair.page.waitForFunction(() => !/belum dibaca/.test(document.querySelector('[data-testid="notice-log"]')?.textContent ?? 'belum dibaca'), undefined, { timeout: 10_000 });
      expect(await log.textContent()).toMatch(/Satintelkam Polres Soppeng.*Sebutan/s);
      await chair.page.screenshot({ path: '/tmp/shots/channel-desktop.png', fullPage: true }).catch(() => undefined);
      expect(chair.blocked).toEqual([]);
      expect(polres.blocked).toEqual([]);
    } finally {
      await chair.context.close();
      await polres.context.close();
    }
  });
});
