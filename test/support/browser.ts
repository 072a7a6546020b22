// Launches Debian's Chromium through playwright-core (no browser download), headless with the
// flags that keep it off the network. Which Chromium: scripts/binaries/chromium.ts.
import { existsSync } from 'node:fs';
import { chromium, errors, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_PATH } from '../../scripts/binaries/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install Debian's package (apt-get install -y chromium-headless-shell) or set CHROMIUM_PATH`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * Does what makes the page navigate (a tap or click that submits a form or follows a link) and
 * waits until the page it leads to has loaded. Waiting for `load` alone would return at once: the
 * page being left has loaded already.
 */
export async function navigateBy(page: Page, act: () => Promise<void>): Promise<void> {
  const navigated = page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame() });
  await act();
  await navigated;
  await page.waitForLoadState('load');
}

/** What a busy headless Chromium answers when it has no frame to capture yet. */
const noFrameYet = (error: unknown): boolean =>
  error instanceof errors.TimeoutError || (error instanceof Error && error.message.includes('Unable to capture screenshot'));

/**
 * Keeps a screenshot as a test artifact. Screenshots are evidence, not the behaviour under test: a
 * full-page capture waits for a compositor frame, which a busy headless Chromium (a phone context
 * next to a desktop one, on two cores) can fail to deliver in time or at all; then, once the page
 * has loaded, the visible viewport is captured after bringing the page to the front, which needs
 * no new layout of the whole page.
 */
export async function keepScreenshot(page: Page, path: string): Promise<Buffer> {
  const options = { path, animations: 'disabled', caret: 'hide' } as const;
  try {
    return await page.screenshot({ ...options, fullPage: true, timeout: 15_000 });
  } catch (error) {
    if (!noFrameYet(error)) throw error;
    await page.waitForLoadState('load');
    await page.bringToFront();
    return page.screenshot({ ...options, timeout: 30_000 });
  }
}
