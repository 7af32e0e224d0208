// Passport scan in a real browser: a photo of a synthetic passport page goes through the file
// input, is decoded and read by the MRZ reader in a Web Worker, and fills the check-in form.
// Uncertain fields are highlighted; a photo without an MRZ asks for a retake. No request
// leaves the app's host (the image never leaves the device; it is not even sent to our server).
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { MrzReading, RgbaImage } from '../../src/domain/mrz/types';
import { png, smudge } from '../fixtures/mrz-images';
import { startTestServer, type TestServer } from '../fixtures/server';
import { assertWebBuilt, guardedContext, launchBrowser, login, todayIn } from './browser';

const READER = fs.existsSync('src/domain/mrz/index.ts') && fs.existsSync('scripts/mrz/synth/index.ts');

type ReadMrz = (image: RgbaImage) => MrzReading;
interface Page3 { image: RgbaImage; fields: Record<string, string>; mrzQuad: number[][] }
type GeneratePage = (o: { seed: number; index: number; level: 'clean' | 'mild' | 'hard'; kind?: 'TD3' }) => Promise<Page3>;

function isoBirth(yymmdd: string): string {
  const yy = Number(yymmdd.slice(0, 2));
  const today = todayIn('Asia/Makassar');
  const y2000 = `${2000 + yy}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
  return y2000 <= today ? y2000 : `${1900 + yy}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
}

async function upload(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.getByTestId('scan-passport-input').setInputFiles({ name, mimeType: 'image/png', buffer });
}

describe.skipIf(!READER)('passport scan in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let readMrz: ReadMrz;
  let generatePage: GeneratePage;

  beforeAll(async () => {
    assertWebBuilt();
    ({ readMrz } = (await import('../../src/domain/mrz/index')) as unknown as { readMrz: ReadMrz });
    ({ generatePage } = (await import('../../scripts/mrz/synth/index')) as unknown as { generatePage: GeneratePage });
    server = await startTestServer({ listen: true });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a clean passport photo fills the form on the device', async () => {
    const page3 = await generatePage({ seed: 4242, index: 2, level: 'clean', kind: 'TD3' });
    const expected = page3.fields;
    const { context, page, blocked } = await guardedContext(browser, server.url);
    try {
      const posts: string[] = [];
      page.on('request', (r) => { if (r.method() !== 'GET') posts.push(r.url()); });
      await login(page, 'hotel.maryam');
      await page.waitForURL('**/check-in');
      posts.length = 0;
      await upload(page, 'passport.png', png(page3.image));
      await expect.poll(() => page.getByTestId('checkin-surname').inputValue(), { timeout: 30_000 }).toBe(expected.lastName);
      expect(await page.getByTestId('checkin-given-names').inputValue()).toBe(expected.firstName);
      expect(await page.getByTestId('checkin-passport-number').inputValue()).toBe(expected.documentNumber);
      // dates show day first, as Indonesians write them
      expect(await page.getByTestId('checkin-date-of-birth').inputValue()).toBe(isoBirth(expected.birthDate).split('-').reverse().join('/'));
      expect(await page.getByTestId('checkin-passport-expiry').inputValue()).toMatch(new RegExp(`^${expected.expirationDate.slice(4, 6)}/${expected.expirationDate.slice(2, 4)}/\\d{2}${expected.expirationDate.slice(0, 2)}$`));
      expect(await page.getByTestId('checkin-sex').inputValue()).toBe(expected.sex === 'F' ? 'F' : expected.sex === 'M' ? 'M' : 'X');
      expect(await page.getByTestId('checkin-nationality').inputValue()).toContain(`(${expected.nationality})`);
      expect(await page.locator('[data-uncertain="true"]').count()).toBe(0);
      expect(posts).toEqual([]); // the photo was not uploaded anywhere
      expect(blocked).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('an uncertain field is highlighted for checking', async () => {
    // Find a smudge that leaves the reader unsure of a field the form shows (same pixels as the browser gets).
    let chosen: { buffer: Buffer; reading: MrzReading } | null = null;
    search: for (const index of [0, 1, 3]) {
      for (const [pos, alpha] of [[7, 0.85], [8, 0.85], [7, 0.7], [9, 0.85]] as const) {
        const p = await generatePage({ seed: 4242, index, level: 'clean', kind: 'TD3' });
        smudge(p.image, p.mrzQuad, 0, pos, alpha);
        const buffer = png(p.image);
        const t0 = Date.now();
        const reading = readMrz(p.image);
        if (process.env.E2E_DEBUG) console.log(`search ${index}/${pos}/${alpha}: ${Date.now() - t0} ms, uncertain ${reading.uncertain}`);
        if (reading.fields && reading.uncertain.some((f) => f === 'lastName' || f === 'firstName')) {
          chosen = { buffer, reading };
          break search;
        }
      }
    }
    expect(chosen, 'no smudged page made the reader uncertain').not.toBeNull();
    const { context, page, blocked } = await guardedContext(browser, server.url);
    try {
      await login(page, 'hotel.maryam');
      await page.waitForURL('**/check-in');
      await upload(page, 'passport.png', chosen!.buffer);
      const surname = page.getByTestId(chosen!.reading.uncertain.includes('lastName') ? 'checkin-surname' : 'checkin-given-names');
      await expect.poll(() => surname.getAttribute('data-uncertain'), { timeout: 30_000 }).toBe('true');
      expect(await page.getByText(/periksa kembali/i).count()).toBeGreaterThan(0);
      // Editing the field clears the highlight.
      await surname.fill('CHECKED');
      expect(await surname.getAttribute('data-uncertain')).toBeNull();
      expect(blocked).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a photo without an MRZ asks for a retake in words', async () => {
    const { context, page, blocked } = await guardedContext(browser, server.url);
    try {
      await login(page, 'hotel.maryam');
      await page.waitForURL('**/check-in');
      const dark: RgbaImage = { width: 800, height: 600, data: new Uint8ClampedArray(800 * 600 * 4) };
      for (let i = 0; i < dark.data.length; i += 4) { dark.data[i] = 12; dark.data[i + 1] = 12; dark.data[i + 2] = 14; dark.data[i + 3] = 255; }
      const expected = readMrz(dark);
      await upload(page, 'dark.png', png(dark));
      const retake = page.getByTestId('scan-retake');
      await retake.waitFor({ timeout: 30_000 });
      const words: Record<string, RegExp> = { too_dark: /terlalu gelap/i, too_small: /dekatkan kamera/i, blurred: /tahan kamera/i, not_found: /MRZ tidak ditemukan/i };
      expect(await retake.textContent()).toMatch(words[expected.retake ?? 'not_found']);
      expect(await page.getByTestId('checkin-surname').inputValue()).toBe('');
      expect(blocked).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
