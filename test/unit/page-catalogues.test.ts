// renkei's pages in two languages: every Japanese message has an English one of the same shape
// (and English pages carry no untranslated Japanese), the help page's Japanese words (docs/flows/freee-lineworks.md)
// are unchanged, pages declare their language, and the language is chosen as promised — `?lang=`
// (remembered in a cookie), else the browser's first supported language, else Japanese.
import { strict as assert } from 'node:assert';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { LAYOUT_TEXT } from '../../api/pages/layout';
import { LINK_TEXT } from '../../api/pages/link-catalogue';
import { LINK_ERROR_TABLE, LINK_ERRORS } from '../../api/pages/link-messages';
import { consentPage, resultPage } from '../../api/pages/link-pages';
import { renderErrorPage } from '../../api/web/error-pages';
import type { PageContext } from '../../api/pages/locale';
import { notificationSettingsPage } from '../../api/pages/notification-settings';
import { SETTINGS_TEXT } from '../../api/pages/notification-settings-catalogue';
import { notFoundPage } from '../../api/pages/notification-status';
import { STATUS_TEXT } from '../../api/pages/notification-status-catalogue';
import { pageContext } from '../../api/web/page-context';
import { assertTranslatedCatalogue, tableCatalogue, type Catalogue } from '../support/catalogue-shape';

const CATALOGUES: Record<string, Catalogue> = {
  layout: LAYOUT_TEXT,
  link: LINK_TEXT,
  settings: SETTINGS_TEXT,
  status: STATUS_TEXT,
  errors: tableCatalogue(LINK_ERROR_TABLE),
};

const ja: PageContext = { locale: 'ja', switchHref: '/x?lang=en' };
const en: PageContext = { locale: 'en', switchHref: '/x?lang=ja' };

describe('page catalogues (Japanese first, English second)', () => {
  for (const [name, catalogue] of Object.entries(CATALOGUES)) {
    it(`${name}: every Japanese message has an English one of the same shape, translated`, () => {
      // The switch on English pages names Japanese in Japanese, on purpose.
      assertTranslatedCatalogue(name, catalogue, (key) => name === 'layout' && key.startsWith('switch'));
    });
  }

  it('keeps the help page’s Japanese words (docs/flows/freee-lineworks.md) exactly', () => {
    assert.equal(LINK_ERRORS.BUSINESS_MISMATCH.message, '連携に失敗しました。freeeから事業所の切り替え操作を実施してください。LINE WORKSに連携済みの事業所に切り替え後、再度連携をお試しください。');
    assert.equal(LINK_ERRORS.BUSINESS_MISMATCH.remedy, 'LINE WORKSに連携済みの事業所に切り替えた後、再度連携設定を行ってください。');
    assert.equal(LINK_ERRORS.ALREADY_LINKED.message, '連携に失敗しました。既に他のLINE WORKSにID連携されています。ID連携を解除してから再度お試しください。');
    assert.equal(
      LINK_ERRORS.ALREADY_LINKED.remedy,
      'LINE WORKSに連携済みのLINE WORKSアカウントをそのままご利用いただくか、そちらを解除してから新しく連携したいLINE WORKSアカウントで連携設定を行ってください。',
    );
    assert.equal(
      LINK_ERRORS.TOKEN_INVALID.message,
      '連携に失敗しました。LINE WORKSの認証に失敗しました。LINE WORKSから一度ログアウトしてください。その後、LINE WORKSにログインし直し、再度連携をお試しください。',
    );
    assert.equal(LINK_ERRORS.TOKEN_INVALID.remedy, 'LINE WORKSを一度ログアウトして、LINE WORKSにログインし直し、再度連携をお試しください。');
    assert.equal(LINK_ERRORS.TRANSIENT.message, '連携に失敗しました。時間をおいて再度LINE WORKSから連携をお試しください。');
    assert.equal(LINK_ERRORS.UNEXPECTED.message, '連携に失敗しました。エラーが発生しました。サポートデスクまでお問い合わせください。');
    const unknownRemedy = '他の認証情報が残っている可能性があるため、プライベートモードで連携をお試しください。それでも解決しない場合、サポートデスクまでお問い合わせください。';
    assert.equal(LINK_ERRORS.TRANSIENT.remedy, unknownRemedy);
    assert.equal(LINK_ERRORS.UNEXPECTED.remedy, unknownRemedy);
    const t = LINK_TEXT.ja;
    assert.deepEqual(
      [t.linkTitle, t.unlinkTitle, t.allow, t.changeBusiness, t.linked, t.unlinked],
      ['連携を開始しますか?', '連携を解除しますか?', '許可する', '事業所を変更する', '連携に成功しました', '連携を解除しました'],
    );
    assert.equal(t.adminPrerequisite, '※ 通知を受け取るには、通知を受け取りたい事業所の管理者が事前に連携設定を行っている必要があります。');
    assert.equal(t.adminChangedBusiness, '※ 事業所を変更した場合は、LINE WORKSの連携設定画面から再度操作を行ってください。');
  });

  it('renders each page in the asked language, with <html lang> and the switch to the other one', () => {
    const consent = { kind: 'link' as const, companyName: 'フリー株式会社', formAction: '/link/consent', hidden: { s: 'x' }, switchUrl: '/switch', note: 'adminPrerequisite' as const };
    const settings = { companyName: 'フリー株式会社', displayName: '山田 太郎', isAdmin: true, mobile: false, csrf: 'c', tenants: [], takenElsewhere: [], reports: [] };
    const pages = (ctx: PageContext): string[] => [
      consentPage(ctx, consent),
      resultPage(ctx, LINK_TEXT[ctx.locale].linked, [LINK_TEXT[ctx.locale].linkedMenu]),
      renderErrorPage(ctx, { page: 'link', code: 'TOKEN_INVALID' }, 'ref-1'),
      notificationSettingsPage(ctx, settings),
      notFoundPage(ctx, 'noSuchNotification'),
    ];
    for (const page of pages(ja)) {
      assert.match(page, /<html lang="ja">/);
      assert.match(page, /<a href="\/x\?lang=en" hreflang="en" lang="en"[^>]*>English<\/a>/);
    }
    for (const page of pages(en)) {
      assert.match(page, /<html lang="en">/);
      assert.match(page, /<a href="\/x\?lang=ja" hreflang="ja" lang="ja"[^>]*>日本語<\/a>/);
    }
    const [consentJa, , errorJa] = pages(ja);
    const [consentEn, , errorEn] = pages(en);
    assert.match(consentJa ?? '', /<h1>連携を開始しますか\?<\/h1>/);
    assert.match(consentEn ?? '', /<h1>Start linking\?<\/h1>/);
    assert.ok(errorJa?.includes(LINK_ERRORS.TOKEN_INVALID.message));
    assert.ok(errorEn?.includes(LINK_ERROR_TABLE.en.TOKEN_INVALID.message));
  });

  describe('choosing the language of a request', () => {
    let base: string;
    let close: () => Promise<void>;

    before(async () => {
      const app = express();
      const answer = (req: express.Request, res: express.Response): void => {
        res.json(pageContext(req, res));
      };
      app.get('/page', answer);
      app.post('/page', answer);
      const server = app.listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      close = () => new Promise((resolve) => server.close(() => resolve()));
    });
    after(async () => close());

    const ask = async (path: string, headers: Record<string, string> = {}, method = 'GET') => {
      const res = await fetch(`${base}${path}`, { method, headers });
      return { ...((await res.json()) as PageContext), cookie: res.headers.get('set-cookie') ?? '' };
    };

    it('follows the first language of Accept-Language that renkei speaks, else Japanese', async () => {
      assert.equal((await ask('/page')).locale, 'ja');
      assert.equal((await ask('/page', { 'accept-language': 'en-US,en;q=0.9,ja;q=0.8' })).locale, 'en');
      assert.equal((await ask('/page', { 'accept-language': 'fr-FR, en;q=0.5, ja;q=0.3' })).locale, 'en');
      assert.equal((await ask('/page', { 'accept-language': 'ja-JP,en;q=0.9' })).locale, 'ja');
      assert.equal((await ask('/page', { 'accept-language': 'de, ja;q=0.5, en;q=0.4' })).locale, 'ja');
      assert.equal((await ask('/page', { 'accept-language': 'fr' })).locale, 'ja');
    });

    it('takes ?lang= over the browser and remembers it in a cookie; ignores an unknown one', async () => {
      const chosen = await ask('/page?lang=en', { 'accept-language': 'ja' });
      assert.equal(chosen.locale, 'en');
      assert.match(chosen.cookie, /^renkei_lang=en;.*HttpOnly/);
      assert.equal((await ask('/page', { 'accept-language': 'ja', cookie: 'renkei_lang=en' })).locale, 'en');
      assert.equal((await ask('/page?lang=ja', { 'accept-language': 'en', cookie: 'renkei_lang=en' })).locale, 'ja');
      const unknown = await ask('/page?lang=xx', { 'accept-language': 'en' });
      assert.equal(unknown.locale, 'en');
      assert.equal(unknown.cookie, '');
    });

    it('switches on the same page when it can be asked for again, else on 通知設定', async () => {
      assert.equal((await ask('/page?s=abc')).switchHref, '/page?s=abc&lang=en');
      assert.equal((await ask('/page?s=abc&lang=en')).switchHref, '/page?s=abc&lang=ja');
      assert.equal((await ask('/page?code=c&state=s')).switchHref, '/settings/notifications?lang=en');
      assert.equal((await ask('/page', {}, 'POST')).switchHref, '/settings/notifications?lang=en');
    });
  });
});
