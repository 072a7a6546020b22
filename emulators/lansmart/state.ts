// What the Lansmart platform emulator knows: its API key and renkei's event endpoint, companies,
// partners (with their invitation, 基本情報 and 口座情報), orders, the partner actions received
// (with their stored idempotent answers), the 報告書 files uploaded, and every event sent. Reset empties it.

import { HttpError } from '../harness/http-error';
import type { Order } from './order';
import type { BankAccount, BasicInfo } from './partner-info';
import type { RecordedPartnerAction } from './partner-action-schema';
import type { ReportFile } from './report-file';
import type { EventDelivery, PlatformEvent } from './platform-event';
import type { LansmartCompany, LansmartSeedParsed } from './seed-schema';

export interface LansmartPartner {
  partnerId: string;
  companyId: string;
  email: string;
  name: string | null;
  invitationToken: string | null;
  basicInfo: BasicInfo | null;
  bankAccount: BankAccount | null;
  /** ユーザー登録 done (basic info given). */
  registered: boolean;
}

/** The platform API's view of a partner. */
export interface PartnerView {
  partnerId: string;
  companyId: string;
  companyName: string;
  email: string;
  name: string | null;
  lineOption: boolean;
  registered: boolean;
  basicInfo: BasicInfo | null;
  bankAccount: BankAccount | null;
}

export interface InvitationView {
  partnerId: string;
  companyId: string;
  companyName: string;
  email: string;
  status: 'pending' | 'accepted';
}

/** A successful partner action's answer, kept for replays of the same Idempotency-Key. */
export interface StoredActionAnswer {
  fingerprint: string;
  actionId: string;
  body: unknown;
}

export interface LansmartConfig {
  apiKey?: string;
  eventTargetUrl?: string;
  eventSecret?: string;
  requirePartnerInfoForApproval: boolean;
}

export class LansmartState {
  config: LansmartConfig = { requirePartnerInfoForApproval: false };
  readonly companies = new Map<string, LansmartCompany>();
  readonly partners = new Map<string, LansmartPartner>();
  readonly orders = new Map<string, Order>();
  readonly idempotentAnswers = new Map<string, StoredActionAnswer>();
  readonly partnerActions: RecordedPartnerAction[] = [];
  /** Every event the platform produced, in order (what replay re-sends). */
  readonly events: PlatformEvent[] = [];
  readonly deliveries: EventDelivery[] = [];
  /** 報告書 files, oldest first; and the upload answered for each Idempotency-Key. */
  readonly reportFiles: ReportFile[] = [];
  readonly reportFileKeys = new Map<string, ReportFile>();
  private orderSeq = 0;

  /** Merges a seed: companies and partners are upserted by id; config keys given replace the old ones. */
  seed(seed: LansmartSeedParsed): void {
    const knownCompanies = new Set([...this.companies.keys(), ...seed.companies.map((company) => company.companyId)]);
    for (const partner of seed.partners) {
      if (!knownCompanies.has(partner.companyId)) {
        throw new HttpError(400, { error: { code: 'INVALID_SEED', message: `partner ${partner.partnerId}: unknown company ${partner.companyId}` } });
      }
    }
    if (seed.apiKey !== undefined) this.config.apiKey = seed.apiKey;
    if (seed.eventTargetUrl !== undefined) this.config.eventTargetUrl = seed.eventTargetUrl;
    if (seed.eventSecret !== undefined) this.config.eventSecret = seed.eventSecret;
    if (seed.requirePartnerInfoForApproval !== undefined) this.config.requirePartnerInfoForApproval = seed.requirePartnerInfoForApproval;
    for (const company of seed.companies) this.companies.set(company.companyId, company);
    for (const partner of seed.partners) {
      const basicInfo = partner.basicInfo ?? null;
      this.partners.set(partner.partnerId, {
        partnerId: partner.partnerId,
        companyId: partner.companyId,
        email: partner.email,
        name: partner.name ?? null,
        invitationToken: partner.invitationToken ?? null,
        basicInfo,
        bankAccount: partner.bankAccount ?? null,
        registered: basicInfo !== null,
      });
    }
  }

  companyName(companyId: string): string {
    return this.companies.get(companyId)?.name ?? companyId;
  }

  partnerView(partner: LansmartPartner): PartnerView {
    return {
      partnerId: partner.partnerId,
      companyId: partner.companyId,
      companyName: this.companyName(partner.companyId),
      email: partner.email,
      name: partner.name ?? partner.basicInfo?.name ?? null,
      lineOption: this.companies.get(partner.companyId)?.lineOption ?? false,
      registered: partner.registered,
      basicInfo: partner.basicInfo,
      bankAccount: partner.bankAccount,
    };
  }

  invitationView(partner: LansmartPartner): InvitationView {
    return {
      partnerId: partner.partnerId,
      companyId: partner.companyId,
      companyName: this.companyName(partner.companyId),
      email: partner.email,
      status: partner.registered ? 'accepted' : 'pending',
    };
  }

  partnerByInvitation(token: string): LansmartPartner | undefined {
    for (const partner of this.partners.values()) if (partner.invitationToken === token) return partner;
    return undefined;
  }

  /** The next 発注書番号, e.g. PO-000001. */
  nextOrderNumber(): string {
    this.orderSeq += 1;
    return `PO-${String(this.orderSeq).padStart(6, '0')}`;
  }

  /** Orders, oldest first. */
  listOrders(): Order[] {
    return [...this.orders.values()];
  }

  reportFilesOf(orderId: string): ReportFile[] {
    return this.reportFiles.filter((file) => file.orderId === orderId);
  }

  reset(): void {
    this.config = { requirePartnerInfoForApproval: false };
    this.companies.clear();
    this.partners.clear();
    this.orders.clear();
    this.idempotentAnswers.clear();
    this.partnerActions.length = 0;
    this.events.length = 0;
    this.deliveries.length = 0;
    this.reportFiles.length = 0;
    this.reportFileKeys.clear();
    this.orderSeq = 0;
  }
}
