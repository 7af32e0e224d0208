// Shared helpers of the browser journeys: Debian's Chromium driven by playwright-core against
// the real server. Every request not to the app's own host is aborted and recorded, so a test
// can prove nothing leaves the device.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export function assertWebBuilt(): void {
  if (!fs.existsSync(path.resolve('dist/web/index.html'))) {
    throw new Error('dist/web is missing: run `npm run build:web` before the browser tests');
  }
}

export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: [...CHROMIUM_ARGS, ...extraArgs], headless: true });
}

/** Chromium's fake camera playing a Y4M file, with the permission prompt answered yes. */
export function fakeCameraArgs(y4m: string): string[] {
  return ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${y4m}`];
}

export interface GuardedContext { context: BrowserContext; page: Page; blocked: string[]; cspViolations: string[] }

/** A fresh browser profile whose requests may only go to the app itself. */
export async function guardedContext(browser: Browser, baseURL: string, options: { width?: number; height?: number; locale?: string; serviceWorkers?: 'allow' | 'block' } = {}): Promise<GuardedContext> {
  const appHost = new URL(baseURL).host;
  const context = await browser.newContext({
    baseURL,
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    locale: options.locale ?? 'id-ID',
    timezoneId: 'Asia/Makassar',
    serviceWorkers: options.serviceWorkers ?? 'block',
  });
  const blocked: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.host === appHost || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    blocked.push(url.href);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  const cspViolations: string[] = [];
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text()); });
  if (process.env.E2E_DEBUG) {
    page.on('console', (m) => console.log(`[console ${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => console.log(`[pageerror] ${e.message}`));
    page.on('response', (r) => { if (r.status() >= 400) console.log(`[http ${r.status()}] ${r.url()}`); });
  }
  return { context, page, blocked, cspViolations };
}

export async function login(page: Page, username: string, password = 'sinergi-demo'): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 15_000 });
}

/** Today's date (YYYY-MM-DD) in a time zone. */
export function todayIn(timeZone: string, offsetDays = 0): string {
  const d = new Date(Date.now() + offsetDays * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}

/** Picks a value of a Mantine searchable select by typing and clicking the option. */
export async function pickOption(page: Page, testId: string, search: string, option: RegExp): Promise<void> {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(search);
  await page.getByRole('option', { name: option }).first().click();
}
