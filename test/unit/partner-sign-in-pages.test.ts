// The partner's ユーザー登録 / ログイン pages (docs/flows/lansmart-line.md) in two languages: every Japanese message has
// an English one of the same shape, translated; the help page's words stay as they are; each page
// renders in the asked language. And the pieces the routes rely on: the basic-info checks (the
// platform's rules, Japanese input normalised; the registration's 基本情報登録 and the order page's
// 基本情報の設定 share them), the browser-bound CSRF token of the forms shown
// before a session exists, and the post-login destination limited to partner pages.
import { strict as assert } from 'node:assert';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { checkBasicInfo, basicInfoValues } from '../../api/partner-web/basic-info-form';
import { BrowserCsrf } from '../../api/web/csrf';
import { partnerReturnTo } from '../../api/web/context';
import { renderErrorPage } from '../../api/web/error-pages';
import { BASIC_INFO_TEXT } from '../../api/partner-web/pages/basic-info-catalogue';
import { basicInfoDonePage, basicInfoPage } from '../../api/partner-web/pages/basic-info-page';
import { LOGIN_TEXT } from '../../api/partner-web/pages/login-catalogue';
import { loginPage, signedInPage } from '../../api/partner-web/pages/login-page';
import { REGISTRATION_TEXT } from '../../api/partner-web/pages/registration-catalogue';
import { registrationPage } from '../../api/partner-web/pages/registration-page';
import { SIGN_IN_ERROR_TEXT } from '../../api/partner-web/pages/sign-in-error-catalogue';
import { SIGN_IN_ERROR_TABLE, SIGN_IN_ERRORS, type SignInErrorKind } from '../../api/partner-web/pages/sign-in-messages';
import type { PageContext } from '../../api/pages/locale';
import { assertTranslatedCatalogue, tableCatalogue, type Catalogue } from '../support/catalogue-shape';

const CATALOGUES: Record<string, Catalogue> = {
  registration: REGISTRATION_TEXT,
  login: LOGIN_TEXT,
  basicInfo: BASIC_INFO_TEXT,
  errorPage: SIGN_IN_ERROR_TEXT,
  errors: tableCatalogue(SIGN_IN_ERROR_TABLE),
};

const japanese = (text: string): boolean => /[\u3040-\u30ff\u3400-\u9fff]/.test(text);
/** A page's visible text without its language switch (which names Japanese in Japanese). */
const visibleText = (page: string): string =>
  page
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<p class="lang">[\s\S]*?<\/p>/, '')
    .replace(/<[^>]+>/g, ' ');

const ja: PageContext = { locale: 'ja', switchHref: '/x?lang=en' };
const en: PageContext = { locale: 'en', switchHref: '/x?lang=ja' };
const values = { name: 'Hanako Yamada', nameKana: 'ヤマダ ハナコ', phone: '090-1234-5678', postalCode: '150-0001', address: '1-1-1 Jingumae' };

describe('partner sign-in pages (Japanese first, English second)', () => {
  for (const [name, catalogue] of Object.entries(CATALOGUES)) {
    it(`${name}: every Japanese message has an English one of the same shape, translated`, () => {
      assertTranslatedCatalogue(name, catalogue);
    });
  }

  it('keeps the help page’s words (docs/flows/lansmart-line.md)', () => {
    const r = REGISTRATION_TEXT.ja;
    assert.deepEqual([r.title, r.submit, r.consentTerms, r.consentPrivacy, r.consentRecords], ['ユーザー登録', 'LINEでユーザー登録', '利用規約に同意する', 'プライバシーポリシーに同意する', '下請取引における電磁的記録の提供に同意する']);
    assert.equal(r.emailNote, '※LINEの登録メールアドレスとLansmartでの登録メールアドレスは同じ必要がございます。');
    assert.equal(LOGIN_TEXT.ja.submit, 'LINEでログイン');
    assert.equal(LOGIN_TEXT.ja.lead, 'パートナー様はLINEアカウントでLansmart by SmartHRにログインすることができます。');
    assert.deepEqual([BASIC_INFO_TEXT.ja.title, BASIC_INFO_TEXT.ja.submit, BASIC_INFO_TEXT.ja.doneTitle], ['基本情報登録', '登録', '基本情報登録完了']);
    assert.equal(SIGN_IN_ERRORS.COMPANY_USER.message, 'LINEログインはパートナー様のみ利用可能です。企業様は利用することができません。');
  });

  it('renders each page in the asked language, with <html lang> and the switch to the other one', () => {
    const pages = (ctx: PageContext): string[] => [
      registrationPage(ctx, { invitation: 'inv-1', companyName: 'Example Inc.', email: 'p@example.com', csrf: 'c', ticked: new Set(['terms']), consentMissing: true }),
      loginPage(ctx, { csrf: 'c', returnTo: '/partner', loggedOut: true }),
      signedInPage(ctx, { displayName: 'Hanako', logoutCsrf: 'c' }),
      basicInfoPage(ctx, { values, problems: { nameKana: { code: 'kana' }, name: { code: 'tooLong', max: 100 } }, platformRejected: true, csrf: 'c' }),
      basicInfoDonePage(ctx, { friend: true, logoutCsrf: 'c' }),
      ...(Object.keys(SIGN_IN_ERRORS) as SignInErrorKind[]).map((kind) => renderErrorPage(ctx, { page: 'sign-in', code: kind, retry: { flow: 'register', retry: 'login', retryHref: '/partner/login' } }, 'ref-1')),
    ];
    for (const page of pages(ja)) {
      assert.match(page, /<html lang="ja">/);
      assert.match(page, /<a href="\/x\?lang=en" hreflang="en" lang="en"[^>]*>English<\/a>/);
      assert.doesNotMatch(page, /<(script|img|style)\b|\sstyle=|\son[a-z]+=/i, 'no inline style or script (the CSP allows neither)');
      for (const [, href] of page.matchAll(/<link\b[^>]*href="([^"]*)"/g)) assert.match(href ?? '', /^\/assets\/[a-z-]+\.css\?v=/, 'only renkei\'s own stylesheets');
    }
    for (const page of pages(en)) {
      assert.match(page, /<html lang="en">/);
      assert.ok(!japanese(visibleText(page).replace(/ヤマダ ハナコ/g, '')), `untranslated text in: ${visibleText(page).slice(0, 200)}`);
    }
  });
});

describe('basic information as typed on a phone', () => {
  it('accepts what the platform accepts, normalising full-width digits, half-width katakana and the postal code', () => {
    const checked = checkBasicInfo(basicInfoValues({ name: ' 山田　花子 ', nameKana: 'ﾔﾏﾀﾞ ﾊﾅｺ', phone: '０９０-１２３４-５６７８', postalCode: '1500001', address: '東京都渋谷区神宮前1-1-1' }));
    assert.deepEqual(checked, {
      ok: true,
      info: { name: '山田 花子', nameKana: 'ヤマダ ハナコ', phone: '090-1234-5678', postalCode: '150-0001', address: '東京都渋谷区神宮前1-1-1' },
    });
  });

  it('reads the dashes a kana keyboard types in a phone number or postal code as hyphens', () => {
    for (const [phone, postalCode] of [
      ['０９０－１２３４－５６７８', '１５０－０００１'],
      ['090ー1234ー5678', '150ー0001'],
      ['090―1234‐5678', '150‐0001'],
    ]) {
      const values = basicInfoValues({ name: '山田 花子', nameKana: 'ヤマダ ハナコ', phone, postalCode, address: '東京都' });
      assert.deepEqual([values.phone, values.postalCode], ['090-1234-5678', '150-0001'], phone);
      const checked = checkBasicInfo(values);
      assert.ok(checked.ok && checked.info.phone === '090-1234-5678' && checked.info.postalCode === '150-0001', phone);
    }
    // Only there: a name keeps its ー.
    assert.equal(basicInfoValues({ nameKana: 'ｻﾄｰ ﾐｰﾅ' }).nameKana, 'サトー ミーナ');
  });

  it('names the first problem of each field', () => {
    const checked = checkBasicInfo(basicInfoValues({ name: '', nameKana: 'やまだ', phone: '123', postalCode: '15-0001', address: 'x'.repeat(201) }));
    assert.deepEqual(checked, {
      ok: false,
      problems: { name: { code: 'required' }, nameKana: { code: 'kana' }, phone: { code: 'phone' }, postalCode: { code: 'postalCode' }, address: { code: 'tooLong', max: 200 } },
    });
  });
});

describe('forms before a session: the browser-bound CSRF token', () => {
  let base: string;
  let close: () => Promise<void>;
  before(async () => {
    const csrf = new BrowserCsrf('s'.repeat(32), { secure: false });
    const app = express();
    app.get('/form', (req, res) => {
      res.json({ token: csrf.token(req, res, 'login') });
    });
    app.post('/form', express.urlencoded({ extended: false }), (req, res) => {
      const body = req.body as Record<string, unknown>;
      res.status(csrf.valid(req, String(body.form), body.csrf) ? 204 : 403).end();
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise((resolve) => server.close(() => resolve()));
  });
  after(() => close());

  const post = (form: string, csrf: string, cookie?: string): Promise<number> =>
    fetch(`${base}/form`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
      body: new URLSearchParams({ form, csrf }).toString(),
    }).then((r) => r.status);

  it('accepts the token only with the cookie it was made for, and only for its form', async () => {
    const first = await fetch(`${base}/form`);
    const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    assert.match(cookie, /^renkei_pform=[A-Za-z0-9_-]{43}$/);
    const { token } = (await first.json()) as { token: string };
    assert.equal(await post('login', token, cookie), 204);
    assert.equal(await post('login', token), 403, 'without the cookie (another site’s page)');
    assert.equal(await post('login', token, 'renkei_pform=' + 'A'.repeat(43)), 403, 'with another browser’s cookie');
    assert.equal(await post('register:x', token, cookie), 403, 'for another form');
    // The same browser asking again keeps its cookie and token.
    const again = await fetch(`${base}/form`, { headers: { cookie } });
    assert.equal(again.headers.get('set-cookie'), null);
    assert.equal(((await again.json()) as { token: string }).token, token);
  });

  it('sends a partner back only to a partner page after login', () => {
    assert.equal(partnerReturnTo('/partner/orders/o-1?x=1'), '/partner/orders/o-1?x=1');
    assert.equal(partnerReturnTo('/partner'), '/partner');
    for (const bad of ['//evil.example/partner', 'https://evil.example/partner', '/settings/notifications', '/partnerX', '/partner//evil', undefined, 42]) {
      assert.equal(partnerReturnTo(bad), '/partner', String(bad));
    }
  });
});
