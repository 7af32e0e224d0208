// The setup every browser journey file shares: one app server and one Chromium for the
// file's tests, started before them (once the web app is known to be built) and closed after.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startTestServer, type TestServer } from '../fixtures/server';
import { assertWebBuilt, launchBrowser } from './browser';

/**
 * Registers the file's beforeAll and afterAll; `started` hands the server and the browser to the
 * file before any of its own beforeAll hooks that come later run.
 */
export function useBrowserServer(started: (server: TestServer, browser: Browser) => void): void {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    assertWebBuilt();
    server = await startTestServer({ listen: true });
    browser = await launchBrowser();
    started(server, browser);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
}
