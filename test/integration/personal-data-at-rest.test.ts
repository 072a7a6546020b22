// Personal data at rest: after real flows — a partner registered with LINE Login whose order
// notification goes out by e-mail and LINE, and a freee employee ID-linked to LINE WORKS who gets a
// notification; the first e-mail refused for a while by the SMTP server, whose reply quotes the
// address as real servers do — a dump of every Mongo collection and the raw history of every workflow (read
// without the payload codec) hold no e-mail address and no access or refresh token in clear, and
// the histories no LINE or LINE WORKS user ID. LINE and LINE WORKS user IDs stay in Mongo where
// lookups key on them (partner_lines.lineUserId, employee_links.worksUserId, deliveries.recipient).
import { strict as assert } from 'node:assert';
import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import { notificationWorkflowId, orderWorkflowId } from '../../common/ids';
import type { NotificationState } from '../../common/notify/types';
import { BrowserClient } from '../../emulators/browser-client';
import { FreeeOAuthClient } from '../../providers/freee/oauth-client';
import { FreeeTokenManager } from '../../providers/freee/token-manager';
import { MongoFreeeTokenStore } from '../../models/freee-token-store';
import { TokenCipher } from '../../security/token-cipher';
import { useTestApi } from '../support/api-per-test';
import { linkPartnerLine, lineTitlesTo, seedLineUser } from '../support/line-partners';
import { commandsFor, linkTenant, newTenant, seedWorksTenant } from '../support/links';
import { mailSubjectsTo, seedPartner } from '../support/partners';
import { dumpMongo, dumpWorkflows, findInClear } from '../support/raw-dumps';
import { stack, withWorker } from '../support/stack';
import { eventually } from '../support/wait';

const FREEE_REDIRECT = 'https://renkei.example/auth/freee/callback';

/** Every bearer token the emulator saw on requests recorded after `afterSeq`. */
async function bearerTokensSeen(control: { requests(f: { afterSeq?: number }): Promise<Array<{ headers: Record<string, string> }>> }, afterSeq: number): Promise<string[]> {
  const tokens = (await control.requests({ afterSeq })).map((r) => /^Bearer (.+)$/i.exec(r.headers.authorization ?? '')?.[1]).filter((t): t is string => !!t);
  return [...new Set(tokens)];
}

describe('personal data at rest: Mongo and workflow histories', () => {
  const run = useTestApi('pii');


  /** freee's login and consent walked for real; the tokens stored as the API's sign-in stores them. */
  async function authoriseFreee(userId: number, companyId: number, email: string): Promise<{ accessToken: string; refreshToken: string }> {
    const s = stack();
    const clientId = `pii-app-${randomBytes(4).toString('hex')}`;
    await s.freee.seedFreee({
      companies: [{ id: companyId, name: '個人情報株式会社' }],
      users: [{ id: userId, email, companies: [{ id: companyId, role: 'admin' }] }],
      apps: [{ clientId, clientSecret: 'pii-test-secret', redirectUris: [FREEE_REDIRECT], name: 'renkei' }],
    });
    const oauth = new FreeeOAuthClient({ accountsBaseUrl: s.urls.freee, clientId, clientSecret: 'pii-test-secret', timeoutMs: 5000 });
    const verifier = randomBytes(32).toString('base64url');
    const browser = new BrowserClient();
    const login = await browser.get(oauth.authorizeUrl({ redirectUri: FREEE_REDIRECT, state: randomUUID(), codeChallenge: createHash('sha256').update(verifier).digest('base64url') }));
    const consent = await browser.submit(login, { set: { email, password: 'password' } });
    const back = await browser.submit(consent, { add: [['decision', 'allow']] });
    const code = new URL(back.location ?? '').searchParams.get('code');
    assert.ok(code, `no code in ${back.location}`);
    const tokens = await oauth.exchangeCode({ code, redirectUri: FREEE_REDIRECT, codeVerifier: verifier });
    await new FreeeTokenManager({ oauth, cipher: new TokenCipher(s.secrets.tokenEncryptionKeys), store: new MongoFreeeTokenStore() }).save(String(userId), String(companyId), tokens);
    return { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken };
  }

  it('holds no e-mail and no token in clear, and no LINE or LINE WORKS user ID in any history', async () => {
    const s = stack();
    const lineWorksMark = await s.lineWorks.lastRequestSeq();
    const lineMark = await s.line.lastRequestSeq();
    const secrets: Record<string, string> = {};
    const idsOutOfHistories: Record<string, string> = {};

    await withWorker(run.taskQueue, async () => {
      // Lansmart × LINE: registered with LINE Login, then an order notified by e-mail, in-app and LINE.
      const partner = await seedPartner({ lineOption: true });
      await seedLineUser(partner);
      // The first e-mail (友だち登録完了 of the link) is refused once, the reply quoting the address.
      await s.mail.smtpFault({ code: 451, message: `4.2.0 <${partner.email}>: Recipient address rejected: try again later` });
      const linked = await linkPartnerLine(run.api, run.taskQueue, partner);
      assert.equal(linked.status, 'linked');
      const { order } = await s.lansmart.createOrder({
        partnerId: partner.partnerId,
        title: 'Webサイト改修',
        amountYen: 300_000,
        workPeriod: { from: '2026-11-01', to: '2026-11-30' },
        closingDate: '2026-11-30',
      });
      await eventually(() => mailSubjectsTo(partner.email), (x) => x.includes('発注書を確認してください'), 'the order e-mail');
      assert.deepEqual(await s.mail.smtpFaults(), [], 'the SMTP server refused the first attempt');
      await eventually(() => lineTitlesTo(linked.lineUserId), (x) => x.includes('発注書を確認してください'), 'the order LINE message');
      Object.assign(secrets, {
        'partner e-mail': partner.email,
        'company user e-mail': partner.companyUserEmail,
        'LINE access token': linked.tokens.accessToken,
        'LINE refresh token': linked.tokens.refreshToken,
        'LINE channel access token': s.secrets.lineChannelAccessToken,
      });
      idsOutOfHistories['LINE user ID'] = linked.lineUserId;
      assert.ok(await s.env.client.workflow.getHandle(orderWorkflowId(order.orderId)).describe());

      // freee × LINE WORKS: the business linked, an employee signed in to freee and ID-linked, notified.
      const tenant = newTenant();
      const freeeUserId = randomInt(100_000, 999_999);
      const worksUserId = `w-${freeeUserId}@${tenant.worksTenantId}`;
      const commands = commandsFor(run.taskQueue);
      await linkTenant(commands, tenant);
      await seedWorksTenant(tenant, [worksUserId]);
      const freeeEmail = `emp-${freeeUserId}@free.example`;
      const freeeTokens = await authoriseFreee(freeeUserId, Number(tenant.companyId), freeeEmail);
      await commands.linkEmployee(tenant.companyId, String(freeeUserId), { worksTenantId: tenant.worksTenantId, worksUserId }, randomUUID());
      await s.freee.configureFreeeWebhook({ targetUrl: `${run.api.url}/webhooks/freee`, verificationToken: s.secrets.freeeWebhookToken });
      const event = s.freee.freeeEvent({
        action: 'updated',
        approval_request: { company_id: Number(tenant.companyId), applicant_id: freeeUserId, status: 'approved', id: randomInt(1, 1_000_000) },
      });
      assert.equal((await s.freee.deliverFreeeWebhook({ event })).status, 202);
      const state = (await s.env.client.workflow.getHandle(notificationWorkflowId('freee', String(event.id))).result()) as NotificationState;
      assert.deepEqual(state.recipients.map((r) => [r.worksUserId, r.status]), [[worksUserId, 'sent']]);
      Object.assign(secrets, { 'freee e-mail': freeeEmail, 'freee access token': freeeTokens.accessToken, 'freee refresh token': freeeTokens.refreshToken });
      idsOutOfHistories['LINE WORKS user ID'] = worksUserId;
    });

    const lineWorksTokens = await bearerTokensSeen(s.lineWorks, lineWorksMark);
    assert.ok(lineWorksTokens.length > 0, 'renkei called LINE WORKS with an access token');
    lineWorksTokens.forEach((t, i) => (secrets[`LINE WORKS access token ${i + 1}`] = t));
    (await bearerTokensSeen(s.line, lineMark)).forEach((t, i) => (secrets[`LINE bearer token ${i + 1}`] = t));

    const mongo = await dumpMongo();
    const histories = await dumpWorkflows();
    assert.ok(mongo.some((d) => d.source === 'mongo:partner_line_tokens') && mongo.some((d) => d.source === 'mongo:freee_tokens'), 'the tokens are in Mongo (sealed)');
    assert.ok(histories.some((d) => d.source.startsWith('history:line-link:')) && histories.some((d) => d.source.startsWith('history:notify:freee:')), 'the flows’ histories are listed');
    assert.deepEqual(findInClear(mongo, secrets), [], 'Mongo holds none of these in clear');
    assert.deepEqual(findInClear(histories, { ...secrets, ...idsOutOfHistories }), [], 'no workflow history or description holds any of these in clear');
    // A failure's message and stack travel encrypted too: the SMTP refusal is in a history, unreadable.
    assert.deepEqual(findInClear(histories, { 'the SMTP refusal': 'Recipient address rejected' }), [], 'no failure message in clear');
    assert.ok(histories.some((d) => d.bytes.includes(Buffer.from('Encoded failure'))), 'the refused attempt is recorded, its message encoded');
  });
});
