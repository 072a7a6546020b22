// Signing in on an emulator's login page as a person would: open a page that needs a session,
// land on the login form, submit the login ID and password, and get the page it leads to.
import { strict as assert } from 'node:assert';
import { BrowserClient, type BrowserPage } from '../../emulators/browser-client';

/** Follows `start` to the login page and signs in; answers the page after login. */
export async function signIn(browser: BrowserClient, start: string, loginId: string, password = 'password'): Promise<BrowserPage> {
  const login = await browser.get(start);
  assert.match(login.url, /\/login\?next=/);
  return browser.submit(login, { actionPart: '/login', set: { loginId, password } });
}

/** A fresh browser signed in from `start`. */
export async function signedInBrowser(start: string, loginId: string): Promise<{ browser: BrowserClient; page: BrowserPage }> {
  const browser = new BrowserClient();
  return { browser, page: await signIn(browser, start, loginId) };
}
