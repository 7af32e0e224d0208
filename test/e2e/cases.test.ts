// A case in the browser, on a phone: immigration opens a case from an alert, comments, attaches
// a photo, records an administrative action (deportation) and closes it; the timeline shows
// every step and the audit log holds them.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { foldPending } from '../../src/server/audit/pending';
import type { TestServer } from '../fixtures/server';
import { guardedContext, login } from './browser';
import { useBrowserServer } from './shared';

let server: TestServer;
let browser: Browser;
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000000020001e221bc330000000049454e44ae426082', 'hex');

useBrowserServer((s, b) => { server = s; browser = b; });

describe('cases in the browser', () => {
  it('opens a case from an alert, comments, takes an action and closes it on a phone', async () => {
    const stay = await server.db.selectFrom('stays').select(['id', 'person_id', 'region_code']).where('region_code', 'like', '73.12.%')
      .where('departure_date', 'is', null).orderBy('id').limit(1).executeTakeFirstOrThrow();
    const at = new Date().toISOString();
    const alertId = randomUUID();
    await server.db.insertInto('alerts').values({
      id: alertId, key: `e2e:${alertId}`, source: 'rule', rule: 'overstay', severity: 'high', status: 'new', person_id: stay.person_id, stay_id: stay.id,
      region_code: stay.region_code, explanation: JSON.stringify({ key: 'rule.overstay', params: { days: 3, until: '2025-01-01' } }), watchlist_entry_id: null,
      score: null, assigned_agency_id: null, assigned_user_id: null, resolution: null, reason: null, created_at: at, updated_at: at, resolved_at: null, resolved_by: null,
    }).execute();

    const { context, page, blocked } = await guardedContext(browser, server.url, { width: 390, height: 844 });
    try {
      await login(page, 'imigrasi.parepare');
      await page.goto(`/alerts?open=${alertId}`);
      await page.getByTestId('alert-detail').waitFor({ timeout: 15_000 });
      await page.getByTestId('open-case-alert').click();
      await page.waitForURL(/\/cases\/[0-9a-f-]+$/, { timeout: 15_000 });
      const caseId = page.url().split('/').pop()!;
      await page.getByTestId('case-status').filter({ hasText: 'Dibuka' }).waitFor();
      expect(await page.getByTestId('case-title').textContent()).toMatch(/Tindak lanjut peringatan overstay/);

      await page.getByTestId('case-comment-text').fill('Dicek ke Hotel Maryam, tamu masih menginap');
      await page.getByTestId('case-comment').click();
      await page.getByTestId('case-event-comment').waitFor();

      await page.getByTestId('case-comment-text').fill('Foto paspor di lokasi');
      await page.locator('input[type="file"]').setInputFiles({ name: 'paspor.png', mimeType: 'image/png', buffer: PNG });
      await page.getByTestId('case-upload').click();
      await page.getByTestId('case-attachment').filter({ hasText: 'paspor.png' }).waitFor();

      await page.getByTestId('case-start').click();
      await page.getByTestId('case-status').filter({ hasText: 'Dalam proses' }).waitFor();

      await page.getByTestId('case-action-kind').click();
      await page.getByRole('option', { name: 'Tindakan administratif keimigrasian (TAK)' }).click();
      await page.getByTestId('case-measure').click();
      await page.getByRole('option', { name: 'Deportasi' }).click();
      await page.getByTestId('case-action-note').fill('Dideportasi melalui Bandara Sultan Hasanuddin');
      await page.getByTestId('case-act').click();
      await page.getByTestId('case-status').filter({ hasText: 'Sudah ditindak' }).waitFor();
      expect(await page.getByTestId('case-action').textContent()).toMatch(/Deportasi/);

      await page.getByTestId('case-close').click();
      await page.getByTestId('case-status').filter({ hasText: 'Ditutup' }).waitFor();
      const timeline = await page.getByTestId('case-timeline').textContent();
      expect(timeline).toMatch(/Kasus dibuka.*Komentar.*Dicek ke Hotel Maryam.*Lampiran.*paspor\.png.*Mulai diproses.*Tindakan dicatat.*Deportasi.*Kasus ditutup/s);
      await page.screenshot({ path: '/tmp/shots/case-phone.png', fullPage: true }).catch(() => undefined);

      // the alert's history links to the case
      await page.goto(`/alerts?open=${alertId}`);
      await page.getByTestId('alert-history').filter({ hasText: /Kasus KASUS\/73\.12\/\d{4}\/\d{4} dibuka/ }).waitFor();
      expect(blocked).toEqual([]);

      await foldPending(server.db);
      const actions = (await server.db.selectFrom('audit_log').select('action').where('resource_id', '=', caseId).orderBy('seq').execute()).map((r) => r.action);
      for (const a of ['case.open', 'case.comment', 'case.attach', 'case.start', 'case.act', 'case.close']) expect(actions).toContain(a);
    } finally {
      await context.close();
    }
  });

  it('plans a joint operation, records a finding and opens a case from it on a phone', async () => {
    const { context, page, blocked } = await guardedContext(browser, server.url, { width: 390, height: 844 });
    try {
      await login(page, 'polres.soppeng');
      await page.goto('/operations');
      await page.getByTestId('operation-new').click();
      await page.getByTestId('op-title').fill('Operasi gabungan Cabenge');
      await page.getByTestId('op-submit').click();
      await page.waitForURL(/\/operations\/[0-9a-f-]+$/, { timeout: 15_000 });
      expect(await page.getByText('Satintelkam Polres Soppeng').count()).toBeGreaterThan(0);

      await page.getByTestId('op-results-form').getByRole('button', { name: '+ temuan' }).click();
      await page.getByLabel('Temuan').fill('WNA bekerja di pabrik tanpa izin kerja');
      await page.getByTestId('op-results-save').click();
      await page.getByTestId('op-finding').filter({ hasText: 'WNA bekerja di pabrik' }).waitFor();
      await page.getByTestId('open-case-operation_finding').click();
      await page.waitForURL(/\/cases\/[0-9a-f-]+$/, { timeout: 15_000 });
      await page.getByTestId('case-status').filter({ hasText: 'Dibuka' }).waitFor();
      expect(await page.getByTestId('case-title').textContent()).toMatch(/WNA bekerja di pabrik/);
      // link a known foreigner found by name
      const person = await server.db.selectFrom('stays').innerJoin('persons', 'persons.id', 'stays.person_id').select(['persons.surname'])
        .where('stays.region_code', 'like', '73.12.%').orderBy('persons.id').limit(1).executeTakeFirstOrThrow();
      await page.getByLabel('Kaitkan orang asing').fill(person.surname);
      await page.getByRole('button', { name: 'Cari' }).click();
      await page.getByRole('button', { name: 'Kaitkan', exact: true }).first().click();
      await page.getByTestId('case-person').first().waitFor();
      await page.getByTestId('case-event-person_linked').waitFor();
      await page.goBack();
      await page.getByTestId('op-finding').getByRole('link', { name: /Kasus KASUS/ }).waitFor();
      const pdf = await page.request.get(await page.getByTestId('op-pdf').getAttribute('href') ?? '');
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      expect(blocked).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
