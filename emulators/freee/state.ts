// What the freee emulator knows: seeded companies, users and OAuth apps; browser sessions (who is
// signed in and their current 事業所); authorization requests, codes and tokens; the webhook and
// product-event receivers and every delivery made. Reset empties it.

import { AuthorizationCodes } from '../harness/auth-codes';
import { HttpError } from '../harness/http-error';
import { PendingStore } from '../harness/pending';
import { SessionStore } from '../harness/sessions';
import type { ProductEventConfig, ProductEventDelivery } from './product-event';
import { DEFAULT_FREEE_PASSWORD, type FreeeApp, type FreeeCompany, type FreeeSeedParsed, type FreeeUser } from './seed-schema';
import { FreeeTokenStore } from './tokens';
import type { FreeeWebhookConfig, RecordedDelivery } from './webhook-event';

/** Who is signed in to freee in one browser, and the 事業所 they are working in. */
export interface FreeeSession {
  userId: number;
  companyId: number | undefined;
}

export interface FreeeCodeGrant {
  userId: number;
  companyId: number;
  scope: string;
}

export interface PendingFreeeAuthorization {
  clientId: string;
  redirectUri: string;
  state?: string;
  codeChallenge?: string;
  userId: number;
  selectCompany: boolean;
}

export class FreeeState {
  readonly companies = new Map<number, FreeeCompany>();
  readonly users = new Map<number, FreeeUser>();
  readonly apps = new Map<string, FreeeApp>();
  readonly sessions = new SessionStore<FreeeSession>('freeemu_sid');
  readonly codes = new AuthorizationCodes<FreeeCodeGrant>();
  readonly pendingAuthorizations = new PendingStore<PendingFreeeAuthorization>();
  readonly tokens = new FreeeTokenStore();
  webhookConfig: FreeeWebhookConfig | undefined;
  productEventConfig: ProductEventConfig | undefined;
  readonly productDeliveries: ProductEventDelivery[] = [];
  private deliveries: RecordedDelivery[] = [];

  /** Merges a seed: companies, users and apps are upserted by id / clientId. */
  seed(seed: FreeeSeedParsed): void {
    const knownCompanies = new Set([...this.companies.keys(), ...seed.companies.map((company) => company.id)]);
    for (const user of seed.users) {
      for (const membership of user.companies) {
        if (!knownCompanies.has(membership.id)) {
          throw new HttpError(400, { error: 'INVALID_SEED', message: `user ${user.id}: unknown company ${membership.id}` });
        }
      }
    }
    for (const company of seed.companies) this.companies.set(company.id, company);
    for (const user of seed.users) this.users.set(user.id, { ...user, password: user.password ?? DEFAULT_FREEE_PASSWORD });
    for (const app of seed.apps) this.apps.set(app.clientId, app);
  }

  userByEmail(email: string): FreeeUser | undefined {
    const wanted = email.trim().toLowerCase();
    for (const user of this.users.values()) if (user.email.toLowerCase() === wanted) return user;
    return undefined;
  }

  companyName(companyId: number): string {
    const company = this.companies.get(companyId);
    return company?.display_name ?? company?.name ?? String(companyId);
  }

  /** The signed-in user and their current company (the first one they belong to if none chosen). */
  sessionUser(session: FreeeSession | undefined): { user: FreeeUser; companyId: number | undefined } | undefined {
    if (session === undefined) return undefined;
    const user = this.users.get(session.userId);
    if (user === undefined) return undefined;
    const current = user.companies.find((membership) => membership.id === session.companyId) ?? user.companies[0];
    return { user, companyId: current?.id };
  }

  recordDelivery(delivery: RecordedDelivery): void {
    this.deliveries.push(delivery);
  }

  listDeliveries(): RecordedDelivery[] {
    return [...this.deliveries];
  }

  reset(): void {
    this.companies.clear();
    this.users.clear();
    this.apps.clear();
    this.sessions.clear();
    this.codes.clear();
    this.pendingAuthorizations.clear();
    this.tokens.clear();
    this.webhookConfig = undefined;
    this.productEventConfig = undefined;
    this.productDeliveries.length = 0;
    this.deliveries = [];
  }
}
