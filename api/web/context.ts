// What the people-facing pages share, built once per app from the configuration: sessions, OAuth
// states, the freee OAuth/API clients and token store, the LINE WORKS login (every ID-link), the
// link commands, and public URLs.
import type { ApiDeps } from '../deps';
import { FreeeApiClient } from '../../providers/freee/api-client';
import { FreeeOAuthClient } from '../../providers/freee/oauth-client';
import { FreeeTokenManager } from '../../providers/freee/token-manager';
import { MongoFreeeTokenStore } from '../../models/freee-token-store';
import { TokenCipher } from '../../security/token-cipher';
import { LineWorksLoginClient } from '../lineworks-login/login-client';
import { linkCommands, type LinkCommands } from '../temporal/link-commands';
import { OAuthStates } from './oauth-states';
import { PageSnapshots } from './page-snapshot';
import { Sessions } from './session';

export interface WebContext {
  publicUrl: string;
  sessions: Sessions;
  states: OAuthStates;
  freeeOAuth: FreeeOAuthClient;
  freeeApi: FreeeApiClient;
  freeeTokens: FreeeTokenManager;
  /** LINE WORKS User Account auth + OIDC: which LINE WORKS account a person logged in with. */
  lineWorksLogin: LineWorksLoginClient;
  links: LinkCommands;
  /** Signed copies of outcome pages, so that their language switch keeps them. */
  pages: PageSnapshots;
  url(path: string): string;
}

export function webContext(deps: ApiDeps): WebContext {
  const c = deps.config;
  const publicUrl = (c.API_PUBLIC_URL ?? `http://${c.API_HOST}:${c.API_PORT}`).replace(/\/+$/, '');
  const cookies = { secure: publicUrl.startsWith('https://') };
  const freeeOAuth = new FreeeOAuthClient({
    accountsBaseUrl: c.FREEE_ACCOUNTS_BASE_URL,
    clientId: c.FREEE_CLIENT_ID,
    clientSecret: c.FREEE_CLIENT_SECRET,
    timeoutMs: c.FREEE_HTTP_TIMEOUT_MS,
  });
  return {
    publicUrl,
    sessions: new Sessions(c.SESSION_SECRET, cookies),
    states: new OAuthStates(c.SESSION_SECRET, cookies),
    freeeOAuth,
    freeeApi: new FreeeApiClient(c.FREEE_API_BASE_URL, c.FREEE_HTTP_TIMEOUT_MS),
    freeeTokens: new FreeeTokenManager({ oauth: freeeOAuth, cipher: new TokenCipher(c.TOKEN_ENCRYPTION_KEYS), store: new MongoFreeeTokenStore() }),
    lineWorksLogin: new LineWorksLoginClient({
      authBaseUrl: c.LINEWORKS_AUTH_BASE_URL,
      clientId: c.LINEWORKS_CLIENT_ID,
      clientSecret: c.LINEWORKS_CLIENT_SECRET,
      redirectUri: c.LINEWORKS_LOGIN_REDIRECT_URI ?? `${publicUrl}/auth/lineworks/callback`,
      timeoutMs: c.LINEWORKS_HTTP_TIMEOUT_MS,
    }),
    links: linkCommands(deps.temporal, c.TEMPORAL_TASK_QUEUE),
    pages: new PageSnapshots(c.SESSION_SECRET),
    url: (path) => `${publicUrl}${path}`,
  };
}

/** Accepts only a local path as a post-login destination (no open redirect). */
export function safeReturnTo(value: unknown, fallback = '/settings/notifications'): string {
  return typeof value === 'string' && /^\/(?!\/)[\w\-./?=&%:]*$/.test(value) ? value : fallback;
}

/** A partner page's own address as a post-login destination: only renkei's partner pages. */
export function partnerReturnTo(value: unknown, fallback = '/partner'): string {
  return typeof value === 'string' && /^\/partner(?:[/?][\w\-./?=&%:]*)?$/.test(value) && !value.includes('//') ? value : fallback;
}
