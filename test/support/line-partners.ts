// The LINE side of a Lansmart partner in the tests: a LINE account with the partner's e-mail in
// the LINE emulator; its LINE Login walked through the emulator's pages (sign-in, consent, the
// add-friend screen of bot_prompt=aggressive) up to the redirect to renkei's callback; and the link
// made as the callback makes it — code exchanged with PKCE and ID token verified by the product's
// LINE Login sign-in (openid-client), friendship read,
// the line-link update, then the tokens stored sealed. Also what a LINE user received, by title.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { storeLineTokens } from '../../models/partner-line-token-store';
import { partnerCommands, type PartnerCommands } from '../../api/temporal/partner-commands';
import type { LinkLineResult } from '../../common/partners/types';
import { BrowserClient, type BrowserPage } from '../../emulators/browser-client';
import { summaryOf, type PushMessage } from '../../emulators/line/message-schema';
import type { PushRecord } from '../../emulators/line/push-log';
import type { WebhookDelivery } from '../../emulators/line/webhook-event';
import { Delivery } from '../../models/delivery';
import { PartnerLine } from '../../models/partner-line';
import { LineSignInClient } from '../../api/line-login/sign-in-client';
import { LineLoginClient } from '../../providers/line/login-client';
import { TokenCipher } from '../../security/token-cipher';
import type { TestApi } from './api-server';
import type { SeededPartner } from './partners';
import { stack } from './stack';

export const CALLBACK_PATH = '/auth/line/callback';

export const newLineUserId = (): string => `U${randomBytes(16).toString('hex')}`;

/** The partner's LINE account (same e-mail as in the platform), not yet a friend of the account. */
export async function seedLineUser(partner: SeededPartner, lineUserId: string = newLineUserId()): Promise<string> {
  await stack().line.seed({ users: [{ userId: lineUserId, displayName: '山田 花子', email: partner.email }] });
  return lineUserId;
}

export const partnerCommandsFor = (taskQueue: string): PartnerCommands => partnerCommands(stack().env.client, taskQueue);

/** LINE Login's sign-in as the API at `api` makes it (its callback is the redirect URI). */
function lineSignInClient(api: TestApi, taskQueue: string): LineSignInClient {
  const c = stack().apiConfig(taskQueue);
  return new LineSignInClient({
    authBaseUrl: c.LINE_AUTH_BASE_URL,
    channelId: c.LINE_LOGIN_CHANNEL_ID,
    channelSecret: c.LINE_LOGIN_CHANNEL_SECRET,
    redirectUri: `${api.url}${CALLBACK_PATH}`,
    timeoutMs: c.LINE_HTTP_TIMEOUT_MS,
  });
}

function lineLoginClient(taskQueue: string): LineLoginClient {
  const c = stack().apiConfig(taskQueue);
  return new LineLoginClient({
    apiBaseUrl: c.LINE_API_BASE_URL,
    channelId: c.LINE_LOGIN_CHANNEL_ID,
    channelSecret: c.LINE_LOGIN_CHANNEL_SECRET,
    timeoutMs: c.LINE_HTTP_TIMEOUT_MS,
  });
}

async function submitIfThere(browser: BrowserClient, page: BrowserPage, actionPart: string, add: [string, string][]): Promise<BrowserPage> {
  return page.html.includes(actionPart) ? browser.submit(page, { actionPart, add }) : page;
}

/**
 * ランスマート [LINEでログイン] on the emulator's pages: sign in (when needed), [許可する] on the
 * consent page (when shown), [友だち追加] on the add-friend screen (when shown); stops at the
 * redirect to renkei's callback and answers its code and state with the PKCE verifier and nonce.
 */
export async function walkLineLogin(signIn: LineSignInClient, email: string): Promise<{ code: string; state: string; verifier: string; nonce: string }> {
  const verifier = randomBytes(32).toString('base64url');
  const nonce = randomUUID();
  const state = randomUUID();
  const start = await signIn.authorizeUrl({
    state,
    nonce,
    codeChallenge: createHash('sha256').update(verifier).digest('base64url'),
    botPrompt: 'aggressive',
  });
  const browser = new BrowserClient({ stopAt: (url) => url.pathname === CALLBACK_PATH });
  let page = await browser.get(start);
  if (page.location === undefined && page.url.includes('/login')) page = await browser.submit(page, { actionPart: '/login', set: { loginId: email, password: 'password' } });
  if (page.location === undefined) page = await submitIfThere(browser, page, '/authorize/consent', [['decision', 'allow']]);
  if (page.location === undefined) page = await submitIfThere(browser, page, '/authorize/friend', [['decision', 'add']]);
  if (page.location === undefined) throw new Error(`LINE Login did not come back to renkei: ${page.status} at ${page.url}: ${page.html.slice(0, 300)}`);
  const back = new URL(page.location);
  const code = back.searchParams.get('code');
  if (code === null || back.searchParams.get('state') !== state) throw new Error(`LINE Login came back without a code: ${page.location}`);
  return { code, state, verifier, nonce };
}

/**
 * Links the partner to the LINE account as renkei's LINE Login callback does: exchange the code,
 * verify the ID token, read the friendship, the line-link update, then the tokens stored sealed.
 */
export async function linkPartnerLine(
  api: TestApi,
  taskQueue: string,
  partner: SeededPartner,
): Promise<LinkLineResult & { lineUserId: string; tokens: { accessToken: string; refreshToken: string } }> {
  const s = stack();
  const signIn = lineSignInClient(api, taskQueue);
  const { code, state, verifier, nonce } = await walkLineLogin(signIn, partner.email);
  const { identity, tokens } = await signIn.signIn({ code, state, codeVerifier: verifier, nonce });
  const friend = await lineLoginClient(taskQueue).isFriend(tokens.accessToken);
  const result = await partnerCommandsFor(taskQueue).linkLine(
    partner.partnerId,
    { companyId: partner.companyId, lineUserId: identity.lineUserId, partnerEmail: partner.email, lineEmail: identity.email, friend },
    `line-login:${randomUUID()}`,
  );
  await storeLineTokens(new TokenCipher(s.workerConfig(taskQueue).TOKEN_ENCRYPTION_KEYS), partner.partnerId, identity.lineUserId, tokens);
  return { ...result, lineUserId: identity.lineUserId, tokens: { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken } };
}

/** The title a partner sees for a pushed message: a template's altText, a text's text. */
export const titleOf = (m: PushMessage): string => summaryOf(m);

/** Pushes accepted for a LINE user, oldest first (delivered ones only unless told otherwise). */
export async function pushesTo(lineUserId: string, delivered: boolean | undefined = true): Promise<PushRecord[]> {
  return stack().line.pushes({ to: lineUserId, ...(delivered === undefined ? {} : { delivered }) });
}

/** Titles of the messages a LINE user received, oldest first. */
export async function lineTitlesTo(lineUserId: string): Promise<string[]> {
  return (await pushesTo(lineUserId)).flatMap((p) => p.messages.map(titleOf));
}

/** What renkei answered per event of a webhook delivery (its last attempt). */
export function webhookOutcomes(delivery: WebhookDelivery | null): string[] {
  const last = delivery?.attempts[delivery.attempts.length - 1];
  return ((last?.body as { events?: string[] } | undefined)?.events ?? []).slice();
}

/** The partner's LINE record (what the delivery planner reads). */
export const partnerLineOf = (partnerId: string) => PartnerLine.findById(partnerId).lean();

/** The LINE channel's delivery-log entries of a workflow's notifications, oldest first. */
export async function lineDeliveriesOf(workflowId: string): Promise<Array<{ key: string; status: string; skipReason: string | null }>> {
  const docs = await Delivery.find({ workflowId, channel: 'line' }).sort({ createdAt: 1 }).lean();
  return docs.map((d) => ({ key: d._id, status: d.status, skipReason: d.skipReason ?? null }));
}
