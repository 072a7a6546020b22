// freee refresh tokens are single-use: when many callers in several processes find the access
// token stale at once, exactly one refresh happens and nobody loses the token; a refused refresh
// asks the person to authorise again instead of looping.
import { strict as assert } from 'node:assert';
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { BrowserClient } from '../../emulators/browser-client';
import { Claim, FreeeToken, freeeTokenId } from '../../models';
import { FreeeApiClient } from '../../providers/freee/api-client';
import { FreeeOAuthClient } from '../../providers/freee/oauth-client';
import { FreeeReauthRequiredError, FreeeTokenManager } from '../../providers/freee/token-manager';
import { MongoFreeeTokenStore } from '../../models/freee-token-store';
import { TokenCipher } from '../../security/token-cipher';
import { stack } from '../support/stack';

const REDIRECT = 'https://renkei.example/auth/freee/callback';

describe('freee tokens: single-use refresh under concurrency', () => {
  const userId = randomInt(10_000, 99_999);
  const companyId = randomInt(10_000, 99_999);
  let oauth: FreeeOAuthClient;
  let cipher: TokenCipher;

  before(async () => {
    const s = stack();
    await s.freee.seedFreee({
      companies: [{ id: companyId, name: 'トークン株式会社' }],
      users: [{ id: userId, email: `token${userId}@free.example`, companies: [{ id: companyId, role: 'admin' }] }],
      apps: [{ clientId: 'token-test-app', clientSecret: 'token-test-secret', redirectUris: [REDIRECT], name: 'renkei' }],
    });
    oauth = new FreeeOAuthClient({ accountsBaseUrl: s.urls.freee, clientId: 'token-test-app', clientSecret: 'token-test-secret', timeoutMs: 5000 });
    cipher = new TokenCipher(s.secrets.tokenEncryptionKeys);
  });

  /** Walks freee's login and consent for real and stores the tokens it returns. */
  async function authorise(): Promise<void> {
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const browser = new BrowserClient();
    const login = await browser.get(oauth.authorizeUrl({ redirectUri: REDIRECT, state: 's1', codeChallenge: challenge }));
    const consent = await browser.submit(login, { set: { email: `token${userId}@free.example`, password: 'password' } });
    const back = await browser.submit(consent, { add: [['decision', 'allow']] });
    const code = new URL(back.location ?? '').searchParams.get('code');
    assert.ok(code, `no code in ${back.location}`);
    const tokens = await oauth.exchangeCode({ code, redirectUri: REDIRECT, codeVerifier: verifier });
    assert.equal(tokens.companyId, String(companyId));
    await new FreeeTokenManager({ oauth, cipher, store: new MongoFreeeTokenStore() }).save(String(userId), String(companyId), tokens);
  }

  const refreshRequests = async (): Promise<number> =>
    (await stack().freee.requests({ method: 'POST', path: '/public_api/token' })).filter((r) => (r.body as Record<string, string> | undefined)?.grant_type === 'refresh_token').length;

  it('30 concurrent callers in 3 processes: one refresh, one new token for all, and it works (5 rounds)', async () => {
    await authorise();
    const _id = freeeTokenId(String(userId), String(companyId));
    const processes = [1, 2, 3].map(() => new FreeeTokenManager({ oauth, cipher, store: new MongoFreeeTokenStore() }));
    let tokens: string[] = [];
    for (let round = 1; round <= 5; round++) {
      await FreeeToken.updateOne({ _id }, { $set: { expiresAt: new Date(Date.now() - 1000) } }); // stale now
      const before = await refreshRequests();
      tokens = await Promise.all(processes.flatMap((m) => Array.from({ length: 10 }, () => m.accessToken(String(userId), String(companyId)))));
      assert.equal(new Set(tokens).size, 1, `round ${round}: every caller got the same new access token`);
      assert.equal((await refreshRequests()) - before, 1, `round ${round}: exactly one refresh reached freee`);
    }
    const me = await new FreeeApiClient(stack().urls.freee, 5000).usersMe(tokens[0] ?? '');
    assert.equal(me.id, String(userId));
    const doc = await FreeeToken.findById(_id).lean();
    assert.equal(doc?.status, 'valid');
    assert.equal(await Claim.countDocuments({ _id: new RegExp(`^freee-refresh:${_id}:`) }), 0, 'the lease is released');
  });

  it('a refused refresh marks the token as needing authorisation and says so', async () => {
    await authorise();
    const _id = freeeTokenId(String(userId), String(companyId));
    await stack().freee.revokeFreeeUserTokens(userId);
    await FreeeToken.updateOne({ _id }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    const manager = new FreeeTokenManager({ oauth, cipher, store: new MongoFreeeTokenStore() });
    await assert.rejects(manager.accessToken(String(userId), String(companyId)), FreeeReauthRequiredError);
    assert.equal((await FreeeToken.findById(_id).lean())?.status, 'reauth_required');
    await assert.rejects(manager.accessToken(String(userId), String(companyId)), FreeeReauthRequiredError, 'no second refresh attempt');
  });
});
