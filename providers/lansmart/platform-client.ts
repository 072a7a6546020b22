// The Lansmart platform API renkei calls: invitations, users by e-mail, partners (basic info and
// bank account), orders, the partner's steps on an order (sent with an Idempotency-Key so a
// retried activity records the step once), and the 報告書 files the platform keeps for an order
// (sent as multipart/form-data; renkei keeps no copy).
import axios, { AxiosError, type AxiosInstance } from 'axios';
import { z } from 'zod';
import { classifyHttpError, ProviderRejectedError } from '../http-errors';

const PROVIDER = 'lansmart';

const basicInfo = z.object({ name: z.string(), nameKana: z.string(), phone: z.string(), postalCode: z.string(), address: z.string() });
const bankAccount = z.object({
  bankName: z.string(),
  branchName: z.string(),
  accountType: z.enum(['ordinary', 'checking']),
  accountNumber: z.string(),
  accountHolderKana: z.string(),
});
export type PartnerBasicInfo = z.infer<typeof basicInfo>;
export type PartnerBankAccount = z.infer<typeof bankAccount>;

const partnerSchema = z.object({
  partnerId: z.string(),
  companyId: z.string(),
  companyName: z.string(),
  email: z.string(),
  name: z.string().nullish(),
  lineOption: z.boolean(),
  registered: z.boolean(),
  basicInfo: basicInfo.nullable(),
  bankAccount: bankAccount.nullable(),
});
export type PlatformPartner = z.infer<typeof partnerSchema>;

const invitationSchema = z.object({
  partnerId: z.string(),
  companyId: z.string(),
  companyName: z.string(),
  email: z.string(),
  status: z.enum(['pending', 'accepted']),
});
export type PlatformInvitation = z.infer<typeof invitationSchema>;

const usersSchema = z.object({
  users: z.array(
    z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('partner'), partnerId: z.string(), companyId: z.string() }),
      z.object({ kind: z.literal('company_user'), companyId: z.string(), name: z.string().nullish() }),
    ]),
  ),
});
export type PlatformUser = z.infer<typeof usersSchema>['users'][number];

const actionAnswer = z.object({ actionId: z.string() });

const reportFileSchema = z.object({ fileId: z.string(), fileName: z.string(), contentType: z.string(), size: z.number(), uploadedAt: z.string() });
export type PlatformReportFile = z.infer<typeof reportFileSchema>;
const reportFilesSchema = z.object({ files: z.array(reportFileSchema) });

/** A 報告書 file to send: its bytes, the type they were found to be, the name the partner gave it. */
export interface ReportFileUpload {
  fileName: string;
  contentType: 'application/pdf' | 'image/jpeg' | 'image/png';
  data: Buffer;
}

/** The platform refused a step because of the order's state (it was done already, or too early). */
export class PlatformInvalidStateError extends ProviderRejectedError {}

export type PlatformPartnerAction =
  | { type: 'order.approve'; payload: Record<string, never> }
  | { type: 'work.register'; payload: { entries: Array<{ date: string; hours: number; description: string }> } }
  | { type: 'invoice.submit'; payload: { billingMonth: string; items: Array<{ name: string; amountYen: number }>; expenses: Array<{ name: string; amountYen: number }> } }
  | { type: 'payment_notice.approve'; payload: { onBehalfOfPartner?: boolean } };

export class LansmartPlatformClient {
  private readonly http: AxiosInstance;

  constructor(options: { apiBaseUrl: string; apiKey: string; timeoutMs: number }) {
    this.http = axios.create({ baseURL: options.apiBaseUrl, timeout: options.timeoutMs, headers: { Authorization: `Bearer ${options.apiKey}` } });
  }

  private fail(err: unknown): never {
    if (err instanceof AxiosError && err.response?.status === 409) {
      const body = err.response.data as { error?: { code?: unknown; message?: unknown } } | undefined;
      const code = typeof body?.error?.code === 'string' ? body.error.code : 'CONFLICT';
      const detail = typeof body?.error?.message === 'string' ? body.error.message : '';
      throw new PlatformInvalidStateError(PROVIDER, `lansmart answered 409 ${code}: ${detail}`, 409, code);
    }
    throw classifyHttpError(PROVIDER, err, (status) => status === 401);
  }

  /** undefined when the platform does not know it (404). */
  private async getOrUndefined<T>(path: string, schema: z.ZodType<T>, params?: Record<string, string>): Promise<T | undefined> {
    try {
      const res = await this.http.get<unknown>(path, { params });
      return schema.parse(res.data);
    } catch (err) {
      if (err instanceof AxiosError && err.response?.status === 404) return undefined;
      this.fail(err);
    }
  }

  getInvitation(token: string): Promise<PlatformInvitation | undefined> {
    return this.getOrUndefined(`/api/v1/invitations/${encodeURIComponent(token)}`, invitationSchema);
  }

  async findUsersByEmail(email: string): Promise<PlatformUser[]> {
    return (await this.getOrUndefined('/api/v1/users', usersSchema, { email }))?.users ?? [];
  }

  getPartner(partnerId: string): Promise<PlatformPartner | undefined> {
    return this.getOrUndefined(`/api/v1/partners/${encodeURIComponent(partnerId)}`, partnerSchema);
  }

  async putBasicInfo(partnerId: string, info: PartnerBasicInfo): Promise<PlatformPartner> {
    try {
      const res = await this.http.put<unknown>(`/api/v1/partners/${encodeURIComponent(partnerId)}/basic-info`, info);
      return partnerSchema.parse(res.data);
    } catch (err) {
      this.fail(err);
    }
  }

  async putBankAccount(partnerId: string, account: PartnerBankAccount): Promise<PlatformPartner> {
    try {
      const res = await this.http.put<unknown>(`/api/v1/partners/${encodeURIComponent(partnerId)}/bank-account`, account);
      return partnerSchema.parse(res.data);
    } catch (err) {
      this.fail(err);
    }
  }

  async postPartnerAction(orderId: string, partnerId: string, idempotencyKey: string, action: PlatformPartnerAction): Promise<{ actionId: string }> {
    try {
      const res = await this.http.post<unknown>(
        `/api/v1/orders/${encodeURIComponent(orderId)}/partner-actions`,
        { type: action.type, partnerId, payload: action.payload },
        { headers: { 'Idempotency-Key': idempotencyKey } },
      );
      return actionAnswer.parse(res.data);
    } catch (err) {
      this.fail(err);
    }
  }

  /** Sends a 報告書 file; the same idempotency key (one form's request ID) is one file. */
  async uploadReportFile(orderId: string, partnerId: string, idempotencyKey: string, file: ReportFileUpload): Promise<PlatformReportFile> {
    const form = new FormData();
    form.append('partnerId', partnerId);
    form.append('file', new Blob([file.data], { type: file.contentType }), file.fileName);
    try {
      const res = await this.http.post<unknown>(`/api/v1/orders/${encodeURIComponent(orderId)}/report-files`, form, {
        headers: { 'Idempotency-Key': idempotencyKey },
        maxBodyLength: Infinity,
      });
      return reportFileSchema.parse(res.data);
    } catch (err) {
      this.fail(err);
    }
  }

  /** The order's 報告書 files (names, types, sizes; never the bytes). */
  async listReportFiles(orderId: string, partnerId: string): Promise<PlatformReportFile[]> {
    return (await this.getOrUndefined(`/api/v1/orders/${encodeURIComponent(orderId)}/report-files`, reportFilesSchema, { partnerId }))?.files ?? [];
  }
}
