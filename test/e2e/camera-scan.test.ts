// Live passport reading with Chromium's fake camera on a phone-sized screen: "Pindai paspor"
// opens the camera, a synthetic passport slides into view and is held still, and the form
// fills itself with no further click. Every steady frame has one name letter smudged (two
// different letters, in turn, a few frames each), so no frame alone is sure of the name:
// only the vote across frames settles it. Without a camera the clerk is told so and picks a photo instead.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { readMrz } from '../../src/domain/mrz/index';
import { passportVideo, VIDEO, writePassportVideo, type PassportVideo } from '../fixtures/passport-video';
import { png } from '../fixtures/mrz-images';
import { startTestServer, type TestServer } from '../fixtures/server';
import { assertWebBuilt, fakeCameraArgs, guardedContext, launchBrowser, login } from './browser';

const PHONE = { width: 390, height: 844 };
const SMUDGES: Array<[number, number]> = [[0, 7], [0, 9]];

describe('live passport reading with the camera', () => {
  let server: TestServer;
  let dir: string;
  let video: PassportVideo;
  let camera: Browser;
  let stuck: PassportVideo;
  let stuckCamera: Browser;
  let noCamera: Browser;

  beforeAll(async () => {
    assertWebBuilt();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-camera-'));
    video = await passportVideo({ seed: 7707, index: 1, smudges: SMUDGES });
    writePassportVideo(path.join(dir, 'passport.y4m'), video);
    server = await startTestServer({ listen: true });
    camera = await launchBrowser(fakeCameraArgs(path.join(dir, 'passport.y4m')));
    // a letter worn off the page, in every frame: no frame will ever vouch for it
    stuck = await passportVideo({ seed: 7707, index: 2, smudges: [[0, 7]], worn: true });
    writePassportVideo(path.join(dir, 'stuck.y4m'), stuck);
    stuckCamera = await launchBrowser(fakeCameraArgs(path.join(dir, 'stuck.y4m')));
    noCamera = await launchBrowser();
  });

  afterAll(async () => {
    await camera?.close();
    await stuckCamera?.close();
    await noCamera?.close();
    await server?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('no steady frame alone is sure of the name: each doubts its smudged letter', () => {
    for (const [k, frame] of video.steadySamples.entries()) {
      const r = readMrz(frame);
      expect(r.valid).toBe(false);
      expect(r.uncertain).toContain('lastName');
      expect(r.doubtful).toContainEqual(SMUDGES[k]);
    }
  });

  it('fills the form by itself after "Pindai paspor", settling the doubted letters by the vote', async () => {
    const { context, page, blocked } = await guardedContext(camera, server.url, PHONE);
    try {
      const posts: string[] = [];
      await login(page, 'hotel.maryam');
      await page.waitForURL('**/check-in');
      page.on('request', (r) => { if (r.method() !== 'GET') posts.push(r.url()); });
      await page.getByTestId('scan-passport').click();
      await page.getByTestId('camera-video').waitFor();
      // no further click: the reading settles and the camera closes
      await expect.poll(() => page.getByTestId('checkin-surname').inputValue(), { timeout: 60_000 }).toBe(video.fields.lastName);
      expect(await page.getByTestId('camera-video').count()).toBe(0);
      expect(await page.getByTestId('checkin-given-names').inputValue()).toBe(video.fields.firstName);
      expect(await page.getByTestId('checkin-passport-number').inputValue()).toBe(video.fields.documentNumber);
      expect(await page.getByTestId('checkin-nationality').inputValue()).toContain(`(${video.fields.nationality})`);
      expect(await page.locator('[data-uncertain="true"]').count()).toBe(0);
      const status = page.getByTestId('scan-status');
      const frames = Number(await status.getAttribute('data-live-frames'));
      const ms = Number(await status.getAttribute('data-live-ms'));
      expect(frames).toBeGreaterThanOrEqual(2);
      // each camera frame is read at most once: two votes are two looks, not one picture twice
      expect(frames).toBeLessThanOrEqual(Math.ceil((ms / 1000) * VIDEO.fps) + 1);
      // the camera is released, and nothing left the device
      expect(await page.evaluate(() => document.querySelectorAll('video').length)).toBe(0);
      expect(posts).toEqual([]);
      expect(blocked).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('tells in words what to do while the page is not yet readable', async () => {
    const { context, page } = await guardedContext(camera, server.url, { ...PHONE, locale: 'id-ID' });
    try {
      await login(page, 'hotel.maryam');
      await page.waitForURL('**/check-in');
      await page.getByTestId('scan-passport').click();
      const guidance = page.getByTestId('camera-guidance');
      await guidance.waitFor();
      expect(await guidance.textContent()).toMatch(/Arahkan kamera ke halaman foto paspor|Tahan|Dekatkan|Kurangi pantulan|Terbaca/);
      expect(await guidance.textContent()).not.toMatch(/MRZ/);
      await page.getByTestId('camera-cancel').click();
      await expect.poll(() => page.getByTestId('camera-video').count()).toBe(0);
      expect(await page.getByTestId('checkin-surname').inputValue()).toBe('');
    } finally {
      await context.close();
    }
  });

  it('a letter no frame reads surely keeps the camera open; the clerk may fill in the rest, marked for checking', async () => {
    const { context, page, blocked } = await guardedContext(stuckCamera, server.url, PHONE);
    try {
      await login(page, 'hotel.maryam');
      await page.waitForURL('**/check-in');
      await page.getByTestId('scan-passport').click();
      const fillNow = page.getByTestId('camera-fill-now');
      await fillNow.waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('checkin-surname').inputValue()).toBe('');
      await fillNow.click();
      await expect.poll(() => page.getByTestId('checkin-passport-number').inputValue(), { timeout: 10_000 }).toBe(stuck.fields.documentNumber);
      expect(await page.getByTestId('checkin-surname').getAttribute('data-uncertain')).toBe('true');
      expect(await page.getByTestId('camera-video').count()).toBe(0);
      expect(blocked).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('without a camera says so and reads a photo chosen instead', async () => {
    const { context, page, blocked } = await guardedContext(noCamera, server.url, PHONE);
    try {
      await login(page, 'hotel.maryam');
      await page.waitForURL('**/check-in');
      await page.getByTestId('scan-passport').click();
      const error = page.getByTestId('camera-error');
      await error.waitFor({ timeout: 15_000 });
      expect(await error.textContent()).toMatch(/pilih foto paspor/i);
      const chooser = page.waitForEvent('filechooser');
      await page.getByTestId('camera-choose-photo').click();
      const steady = video.frames[video.frames.length - 1];
      await (await chooser).setFiles({ name: 'passport.png', mimeType: 'image/png', buffer: png(steady) });
      // a smudged frame: the name is filled but marked for checking, the rest is sure
      await expect.poll(() => page.getByTestId('checkin-passport-number').inputValue(), { timeout: 30_000 }).toBe(video.fields.documentNumber);
      expect(await page.getByTestId('checkin-surname').getAttribute('data-uncertain')).toBe('true');
      expect(blocked).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
