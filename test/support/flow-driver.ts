// Drives the linking flows in Chromium for the browser tests: one browser context per person,
// screenshots kept in test-results/flows/, the emulators' steps (logins, consents, talk room), and
// the suites' shared set-up.
import { strict as assert } from 'node:assert';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestApi } from './api-server';
import { keepScreenshot } from './browser';
import { browserSuiteHooks } from './browser-suite';
import { logIn, seedPeople, type People } from './people';
import { stack } from './stack';

export const SHOTS = 'test-results/flows';

/** Browser helpers shared by the flow tests: one context per person, screenshots, emulator steps. */
export class FlowDriver {
  private readonly contexts: BrowserContext[] = [];
  constructor(
    readonly browser: Browser,
    readonly api: TestApi,
    readonly people: People,
  ) {}

  async page(viewport = { width: 1280, height: 900 }): Promise<Page> {
    const context = await this.browser.newContext({ viewport, locale: 'ja-JP' });
    this.contexts.push(context);
    return context.newPage();
  }
  async close(): Promise<void> {
    for (const c of this.contexts.splice(0)) await c.close();
  }
  shot(page: Page, name: string): Promise<Buffer> {
    return keepScreenshot(page, `${SHOTS}/${name}.png`);
  }

  /** 【管理者】: 通知設定 → [アカウントを連携する] → LINE WORKS [追加する] → 連携を開始しますか? → [許可する] → terms → members → [保存]. */
  async adminLinks(page: Page, opts: { shots?: boolean; freeeEmail?: string; worksAdmin?: string; onConsent?: (page: Page) => Promise<void> } = {}): Promise<void> {
    const shot = (name: string) => (opts.shots ? this.shot(page, name) : Promise.resolve());
    await page.goto(`${this.api.url}/settings/notifications`);
    await logIn(page, opts.freeeEmail ?? this.people.admin.email);
    await page.getByRole('button', { name: '許可する' }).click(); // freee consent
    await page.waitForURL(`${this.api.url}/settings/notifications`);
    await shot('01-settings-before');
    await page.getByRole('button', { name: 'アカウントを連携する' }).click();
    await logIn(page, opts.worksAdmin ?? this.people.admin.worksUserId);
    await shot('02-lineworks-app-page');
    await page.getByRole('link', { name: '追加する' }).click();
    await page.waitForURL(/\/lineworks\/admin\/add/);
    assert.equal((await page.textContent('h1'))?.trim(), '連携を開始しますか?');
    await shot('03-admin-consent');
    await opts.onConsent?.(page);
    await page.getByRole('button', { name: '許可する' }).click();
    await page.getByRole('button', { name: '次へ' }).click(); // every checkbox is required
    assert.match((await page.textContent('body')) ?? '', /すべてのチェックボックスにチェックを入れてください/);
    await shot('04-terms-refused');
    for (const box of await page.locator('input[name="agree"]').all()) await box.check();
    await page.getByRole('button', { name: '次へ' }).click();
    await shot('05-members');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/lineworks\/admin\/installed/);
  }

  /** 【従業員】: 外部ユーザーとトーク → freee → [OK]: the bot's talk room. */
  async openTalkRoom(page: Page, worksUserId: string): Promise<void> {
    await page.goto(`${stack().urls.lineworks}/talk/new`);
    await logIn(page, worksUserId);
    await page.getByRole('button', { name: 'OK' }).click();
  }

  /**
   * [ID連携] → freee login (first time) → freee consent choosing the business → the LINE WORKS login,
   * answered from the talk room's LINE WORKS session (LINE WORKS asks the member to allow renkei
   * once; `worksConsentGiven` when it was allowed before) → 連携を開始しますか?.
   */
  async tapLink(page: Page, opts: { freeeEmail?: string; companyId?: number; loggedIn?: boolean; worksConsentGiven?: boolean } = {}): Promise<void> {
    await page.getByRole('button', { name: 'ID連携', exact: true }).click();
    if (!opts.loggedIn) await this.freeeLogIn(page, opts);
    if (!opts.worksConsentGiven) await this.allowLineWorksLogin(page);
    await page.waitForURL(/\/link\/consent/);
  }

  /** freee's login page → the business → freee's [許可する]. */
  async freeeLogIn(page: Page, opts: { freeeEmail?: string; companyId?: number } = {}): Promise<void> {
    await logIn(page, opts.freeeEmail ?? this.people.employee.email);
    await page.locator(`input[name="company_id"][value="${opts.companyId ?? this.people.companyId}"]`).check();
    await page.getByRole('button', { name: '許可する' }).click();
  }

  /** LINE WORKS's consent to renkei's login (the first time a member logs in to renkei): [許可する]. */
  async allowLineWorksLogin(page: Page, opts: { shot?: string } = {}): Promise<void> {
    await page.waitForURL(`${stack().urls.lineworks}/oauth2/v2.0/authorize?**`);
    assert.match((await page.textContent('h1')) ?? '', /freeeがアクセス権限を求めています/);
    if (opts.shot) await this.shot(page, opts.shot);
    await page.getByRole('button', { name: '許可する' }).click();
  }

  async result(page: Page): Promise<string> {
    return ((await page.textContent('[data-result]')) ?? '').trim();
  }
  async errorMessage(page: Page): Promise<string> {
    return ((await page.textContent('[data-error-message]')) ?? '').trim();
  }
}


export interface LinkFlowTest {
  browser: Browser;
  api: TestApi;
  taskQueue: string;
  people: People;
  flow: FlowDriver;
}

/**
 * The set-up of a freee × LINE WORKS browser suite (see browserSuiteHooks): per test freshly seeded
 * people and a FlowDriver, handed to `use`; afterwards the LINE WORKS faults are cleared and every
 * context the driver opened is closed.
 */
export function linkFlowHooks(queuePrefix: string, use: (test: LinkFlowTest) => void): void {
  browserSuiteHooks(
    {
      queuePrefix,
      shotsDir: SHOTS,
      open: async ({ browser, api }) => {
        const flow = new FlowDriver(browser, api, await seedPeople());
        return {
          flow,
          close: async () => {
            try {
              await stack().lineWorks.clearFaults();
            } finally {
              await flow.close();
            }
          },
        };
      },
    },
    ({ browser, api, taskQueue, fixture: { flow } }) => use({ browser, api, taskQueue, people: flow.people, flow }),
  );
}
