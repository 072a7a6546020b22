// Lansmart partners for the benchmarks: one company with the LINE option and P registered partners
// in the platform emulator, each with a LINE account of the same e-mail, logged in with LINE Login
// on the emulator's pages (consent, add-friend) and linked as renkei's callback links them — code
// exchanged with PKCE and ID token verified by the product's LINE Login sign-in (openid-client),
// tokens stored sealed, the line-link update.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { storeLineTokens } from '../models/partner-line-token-store';
import type { PartnerCommands } from '../api/temporal/partner-commands';
import { BrowserClient, type BrowserPage, type LansmartControl, type LineControl } from '../emulators';
import type { LineSignInClient } from '../api/line-login/sign-in-client';
import type { LineLoginClient } from '../providers/line/login-client';
import type { TokenCipher } from '../security/token-cipher';
import { pool } from './stats';

export interface BenchPartner {
  partnerId: string;
  email: string;
  lineUserId: string;
}

export const BENCH_COMPANY_ID = 'bench-company';

export async function seedBenchPartners(lansmart: LansmartControl, line: LineControl, apiKey: string, count: number): Promise<BenchPartner[]> {
  const partners = Array.from({ length: count }, (_, i): BenchPartner => {
    const n = String(i + 1).padStart(5, '0');
    return { partnerId: `bench-p${n}`, email: `partner-${n}@bench.example`, lineUserId: `U${createHash('md5').update(`bench-${n}`).digest('hex')}` };
  });
  await lansmart.seed({
    apiKey,
    companies: [{ companyId: BENCH_COMPANY_ID, name: '株式会社ベンチ', lineOption: true, users: [{ email: 'boss@bench.example', name: '発注 太郎' }] }],
    partners: partners.map((p) => ({
      partnerId: p.partnerId,
      companyId: BENCH_COMPANY_ID,
      email: p.email,
      name: '山田 花子',
      invitationToken: `inv-${p.partnerId}`,
      basicInfo: { name: '山田 花子', nameKana: 'ヤマダ ハナコ', phone: '090-1234-5678', postalCode: '150-0001', address: '東京都渋谷区神宮前1-1-1' },
      bankAccount: { bankName: 'テスト銀行', branchName: '本店', accountType: 'ordinary' as const, accountNumber: '1234567', accountHolderKana: 'ヤマダ ハナコ' },
    })),
  });
  await line.seed({ users: partners.map((p) => ({ userId: p.lineUserId, displayName: '山田 花子', email: p.email })) });
  return partners;
}

/** [LINEでログイン] on the emulator's pages up to the redirect to renkei's callback. */
async function walkLogin(signIn: LineSignInClient, email: string): Promise<{ code: string; state: string; verifier: string; nonce: string }> {
  const verifier = randomBytes(32).toString('base64url');
  const nonce = randomUUID();
  const state = randomUUID();
  const callbackPath = new URL(signIn.redirectUri).pathname;
  const browser = new BrowserClient({ stopAt: (url) => url.pathname === callbackPath });
  let page: BrowserPage = await browser.get(
    await signIn.authorizeUrl({ state, nonce, codeChallenge: createHash('sha256').update(verifier).digest('base64url'), botPrompt: 'aggressive' }),
  );
  if (page.location === undefined) page = await browser.submit(page, { actionPart: '/login', set: { loginId: email, password: 'password' } });
  if (page.location === undefined) page = await browser.submit(page, { actionPart: '/authorize/consent', add: [['decision', 'allow']] });
  if (page.location === undefined) page = await browser.submit(page, { actionPart: '/authorize/friend', add: [['decision', 'add']] });
  const code = page.location === undefined ? null : new URL(page.location).searchParams.get('code');
  if (code === null) throw new Error(`LINE Login of ${email} did not come back with a code (${page.status} at ${page.url})`);
  return { code, state, verifier, nonce };
}

export async function linkBenchPartners(
  partners: BenchPartner[],
  deps: { signIn: LineSignInClient; login: LineLoginClient; cipher: TokenCipher; commands: PartnerCommands },
  concurrency = 8,
): Promise<void> {
  await pool(partners.length, concurrency, async (i) => {
    const p = partners[i] as BenchPartner;
    const { code, state, verifier, nonce } = await walkLogin(deps.signIn, p.email);
    const { identity, tokens } = await deps.signIn.signIn({ code, state, codeVerifier: verifier, nonce });
    const friend = await deps.login.isFriend(tokens.accessToken);
    await storeLineTokens(deps.cipher, p.partnerId, identity.lineUserId, tokens);
    await deps.commands.linkLine(
      p.partnerId,
      { companyId: BENCH_COMPANY_ID, lineUserId: identity.lineUserId, partnerEmail: p.email, lineEmail: identity.email, friend },
      `bench-login:${p.partnerId}`,
    );
  });
}
