// A Lansmart partner's phone in Chromium (an iPhone-sized 390 × 844 viewport) for the browser tests of ユーザー登録 and ログイン
// with LINE: the suites' set-up, renkei's pages and the LINE emulator's (sign-in, 認証画面,
// 友だち追加画面, the talk room), and what "nothing linked" means when a step is refused.
import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import { WorkflowNotFoundError } from '@temporalio/client';
import { devices, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { lineLinkWorkflowId } from '../../common/ids';
import { summaryOf } from '../../emulators/line/message-schema';
import { PartnerLine } from '../../models/partner-line';
import { PartnerLineToken } from '../../models/partner-line-token';
import type { TestApi } from './api-server';
import { keepScreenshot, navigateBy } from './browser';
import { browserSuiteHooks } from './browser-suite';
import { stack } from './stack';

const { defaultBrowserType: _chromium, ...PIXEL_7 } = devices['Pixel 7'];
/** A touch phone 390 px wide (the iPhone class the walk-through is written for). */
export const PHONE = { ...PIXEL_7, viewport: { width: 390, height: 844 }, screen: { width: 390, height: 844 } };
export const PARTNER_SHOTS = 'test-results/flows';

export const newLineUserId = (): string => `U${randomBytes(16).toString('hex')}`;

/** A LINE account in the emulator (no e-mail when `email` is null), not a friend of the account yet. */
export async function seedLineAccount(email: string | null, displayName = '山田 花子'): Promise<string> {
  const userId = newLineUserId();
  await stack().line.seed({ users: [{ userId, displayName, email }] });
  return userId;
}

/** The titles of what a LINE user received from the Official Account (text or altText). */
export async function lineTitlesTo(lineUserId: string): Promise<string[]> {
  const pushes = await stack().line.pushes({ to: lineUserId, delivered: true });
  return pushes.flatMap((p) => p.messages.map(summaryOf));
}

export class PartnerPhone {
  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
  ) {}

  static async open(browser: Browser, locale = 'ja-JP', device: BrowserContextOptions = PHONE): Promise<PartnerPhone> {
    const context = await browser.newContext({ ...device, locale });
    return new PartnerPhone(context, await context.newPage());
  }

  close(): Promise<void> {
    return this.context.close();
  }

  shot(name: string): Promise<Buffer> {
    return keepScreenshot(this.page, `${PARTNER_SHOTS}/${name}.png`);
  }

  async text(selector: string): Promise<string> {
    return ((await this.page.textContent(selector)) ?? '').trim();
  }

  /** Taps what submits a form or follows a link, and waits for the page it leads to. */
  async tapAndWait(target: Locator): Promise<void> {
    await navigateBy(this.page, () => target.tap());
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** The page is no wider than the phone. */
  async fits(): Promise<void> {
    const width = Number(await this.page.evaluate('document.documentElement.scrollWidth'));
    assert.ok(width <= PHONE.viewport.width, `the page is ${width}px wide on a ${PHONE.viewport.width}px phone`);
  }

  /** ① ② on ユーザー登録: every consent ticked, 「LINEでユーザー登録」. */
  async agreeAndRegister(): Promise<void> {
    for (const box of await this.page.locator('input[name="consent"]').all()) await box.check();
    await this.tapAndWait(this.button('LINEでユーザー登録'));
  }

  /** The LINE emulator's sign-in page, by e-mail address or (for an account without one) user ID. */
  async logInToLine(loginId: string): Promise<void> {
    await this.page.waitForURL(`${stack().urls.line}/login?**`);
    await this.page.locator('input[name="loginId"]').fill(loginId);
    await this.page.locator('input[name="password"]').fill('password');
    await this.tapAndWait(this.button('ログイン'));
  }

  /** ③ 認証画面 「許可する」, optionally unticking the e-mail permission first. */
  async allow(options: { email?: boolean } = {}): Promise<void> {
    assert.match(await this.text('body'), /次の権限を求めています/, 'LINE’s consent screen');
    if (options.email === false) await this.page.getByLabel('メールアドレスの取得').uncheck();
    await this.tapAndWait(this.button('許可する'));
  }

  /** ④ 友だち追加画面 「友だち追加」. */
  async addFriend(): Promise<void> {
    await this.tapAndWait(this.button('友だち追加'));
  }

  /** The error page's kind and message. */
  async error(): Promise<{ kind: string; message: string }> {
    await this.page.locator('[data-error-kind]').waitFor();
    return { kind: (await this.page.getAttribute('[data-error-kind]', 'data-error-kind')) ?? '', message: await this.text('[data-error-message]') };
  }

  async hasPartnerSession(): Promise<boolean> {
    return (await this.context.cookies()).some((c) => c.name === 'renkei_partner');
  }
}

/** What each test of a partner phone suite gets: the suite's browser, its own API, task queue and phone. */
export interface PartnerPhoneTest {
  browser: Browser;
  api: TestApi;
  taskQueue: string;
  phone: PartnerPhone;
}

/**
 * The hooks of a suite on a partner's phone, called inside its `describe` (see browserSuiteHooks):
 * for each test a fresh phone, given to `use` before the test runs and closed after it.
 */
export function partnerPhoneHooks(queuePrefix: string, use: (test: PartnerPhoneTest) => void): void {
  browserSuiteHooks(
    { queuePrefix, shotsDir: PARTNER_SHOTS, open: ({ browser }) => PartnerPhone.open(browser) },
    ({ browser, api, taskQueue, fixture }) => use({ browser, api, taskQueue, phone: fixture }),
  );
}

/** Nothing was linked for the partner: no line-link workflow, no LINE record, no tokens. */
export async function assertNothingLinked(partnerId: string): Promise<void> {
  const handle = stack().env.client.workflow.getHandle(lineLinkWorkflowId(partnerId));
  await assert.rejects(handle.describe(), (err: unknown) => err instanceof WorkflowNotFoundError, 'no line-link workflow was started');
  assert.equal(await PartnerLine.findById(partnerId).lean(), null, 'no PartnerLine record');
  assert.equal(await PartnerLineToken.findById(partnerId).lean(), null, 'no LINE tokens stored');
}
