// The Timpora team's meeting in the browser: the Soppeng team's chair (the forming office's
// officer) schedules a meeting, ticks who came, writes the minutes and an agreement, and turns
// it into a task for Polres; the Polres member, on a phone, finds it under "Tugas saya" and
// marks it done. The minutes PDF downloads from the meeting page.
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { TestServer } from '../fixtures/server';
import { pdfText } from '../fixtures/pdf-text';
import { guardedContext, login, todayIn } from './browser';
import { useBrowserServer } from './shared';

let server: TestServer;
let browser: Browser;

useBrowserServer((s, b) => { server = s; browser = b; });

describe('Timpora meetings in the browser', () => {
  it('the chair runs a meeting and tasks Polres; the task and a channel mention reach the Polres phone live; Polres closes the task', async () => {
    const users = Object.fromEntries((await server.db.selectFrom('users').select(['id', 'username']).execute()).map((u) => [u.username, u.id]));
    const due = todayIn('Asia/Makassar', 14);
    const chair = await guardedContext(browser, server.url, { width: 1280, height: 900 });
    // the Polres member is signed in on a phone the whole time: what reaches it must arrive live
    const polres = await guardedContext(browser, server.url, { width: 390, height: 844 });
    await login(polres.page, 'polres.soppeng');
    const bellShows = (n: number) => polres.page.locator('[data-testid="bell-count"] .mantine-Indicator-indicator').filter({ hasText: String(n) })
      .waitFor({ timeout: 15_000 });
    try {
      const { page } = chair;
      await login(page, 'imigrasi.parepare');
      await page.getByTestId('nav-tim').click();
      await page.getByTestId('team-73.12').click();
      await page.getByText('W.23.IMI.IMI.3-GR.01.01-0117', { exact: false }).first().waitFor();
      expect(await page.getByTestId('team-agency').filter({ hasText: 'Polres Soppeng' }).textContent()).toContain('Satintelkam Polres Soppeng');

      await page.getByTestId('meeting-new').click();
      await page.getByTestId('meeting-agenda').fill('Rapat koordinasi Timpora: pengawasan TKA');
      await page.getByTestId('meeting-when').fill(`${todayIn('Asia/Makassar')}T09:00`);
      await page.getByTestId('meeting-place').fill('Hotel Maryam, Watansoppeng');
      await page.getByRole('checkbox', { name: 'Polres Soppeng', exact: true }).check();
      await page.getByTestId('meeting-save').click();
      await page.getByTestId('meeting-row').filter({ hasText: 'pengawasan TKA' }).getByRole('link').click();
      await page.getByTestId('meeting-title').filter({ hasText: 'pengawasan TKA' }).waitFor();
      expect(await page.locator('body').textContent()).toContain('09.00 WITA');

      await page.getByTestId(`attend-${users['polres.soppeng']}`).check();
      await page.getByTestId(`attend-${users['imigrasi.parepare']}`).check();
      await page.getByTestId('attendance-save').click();
      await page.getByTestId('attendance-saved').waitFor();
      await page.getByTestId('minutes-text').fill('Rapat dibuka oleh Ketua Tim. Dibahas pengawasan TKA di PT Sutera.');
      await page.getByTestId('minutes-save').click();
      await page.getByTestId('agreement-text').fill('Polres mengecek lokasi kerja PT Sutera');
      await page.getByTestId('agreement-save').click();
      await page.getByTestId('agreement').filter({ hasText: 'Polres mengecek' }).getByTestId('agreement-to-task').click();
      const agencyId = (await server.db.selectFrom('agencies').select('id').where('name', '=', 'Polres Soppeng').executeTakeFirstOrThrow()).id;
      await page.getByTestId('task-agency').selectOption(agencyId);
      await page.getByTestId('task-due').fill(due);
      await page.getByTestId('task-save').click();
      await page.getByTestId('task-card').filter({ hasText: 'Polres Soppeng' }).waitFor();

      const meetingId = page.url().split('/rapat/')[1]!;
      const pdf = await page.request.get(`/api/v1/meetings/${meetingId}/minutes.pdf`);
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      const text = pdfText(Buffer.from(await pdf.body()));
      expect(text).toContain('Satintelkam Polres Soppeng');
      expect(text).toContain('1. Polres mengecek lokasi kerja PT Sutera');

      // live on Polres's phone, no reload: the task's notice, then a mention in the team channel
      await bellShows(1);
      await page.goto('/channel');
      const composer = page.getByTestId('composer');
      await composer.waitFor({ timeout: 15_000 });
      await composer.fill('Mohon @polres.soppeng tindak lanjuti tugas dari rapat hari ini');
      await page.getByTestId('send').click();
      await page.getByTestId('message').filter({ hasText: 'tugas dari rapat' }).waitFor();
      await bellShows(2);
      await polres.page.getByTestId('bell').click();
      const notices = (await polres.page.getByTestId('notice').allTextContents()).join(' | ');
      expect(notices).toMatch(/menyebut Anda/);
      expect(notices).toMatch(/tugas/);
      await polres.page.keyboard.press('Escape');
      expect(chair.blocked).toEqual([]);
    } finally {
      await chair.context.close();
    }

    try {
      const { page } = polres;
      await page.goto('/');
      await page.getByTestId('nav-burger').click();
      await page.getByTestId('nav-tugas').click();
      const card = page.getByTestId('task-card').filter({ hasText: 'Polres mengecek lokasi kerja PT Sutera' });
      await card.waitFor({ timeout: 15_000 });
      expect(await card.getByTestId('task-status').textContent()).toBe('Belum selesai');
      await card.getByTestId('task-complete').click();
      await card.getByTestId('task-note').fill('Dicek bersama Disnaker, 12 TKA sesuai RPTKA');
      await card.getByTestId('task-done-save').click();
      await card.getByTestId('task-status').filter({ hasText: 'Selesai' }).waitFor();
      await page.screenshot({ path: '/tmp/shots/meetings-task-phone.png' }).catch(() => undefined);
      expect(polres.blocked).toEqual([]);
    } finally {
      await polres.context.close();
    }
    const task = await server.db.selectFrom('team_tasks').selectAll().where('title', '=', 'Polres mengecek lokasi kerja PT Sutera').executeTakeFirstOrThrow();
    expect(task).toMatchObject({ status: 'done', done_by: users['polres.soppeng'], due_on: due });
  });
});
