// The wire contract of the company-side control routes (`POST /_emulator/orders`, `.../work-report`,
// `/remand`, `/payment-notice`, `/cancel`, `/overdue-approval`) and of event replay. Each accepts
// the test knobs `signatureOverride`, `rawBody` and `timestamp` for the event it sends. Pure (zod
// only) so the control client shares the types.

import { z } from 'zod';

const isoDate = z.iso.date({ error: '日付は YYYY-MM-DD で指定してください' });

export const dateRangeSchema = z
  .strictObject({ from: isoDate, to: isoDate })
  .refine((range) => range.from <= range.to, { message: '期間の開始日は終了日以前にしてください' });

const sendingOverrides = {
  /** Sent instead of the correct X-Renkei-Signature. */
  signatureOverride: z.string().optional(),
  /** Sent verbatim (and signed) instead of the event. */
  rawBody: z.string().optional(),
  /** Unix seconds to sign with instead of now (stale-event tests). */
  timestamp: z.number().int().min(0).optional(),
};

export const createOrderSchema = z.strictObject({
  partnerId: z.string({ error: 'パートナーを選択してください' }).min(1, 'パートナーを選択してください'),
  title: z.string({ error: '件名を入力してください' }).trim().min(1, '件名を入力してください').max(200),
  amountYen: z.number({ error: '金額を数値で入力してください' }).int('金額は円単位の整数で入力してください').positive('金額は1円以上で入力してください'),
  workPeriod: dateRangeSchema,
  closingDate: isoDate,
  /** Chosen ID (tests); generated (ord_…) when absent. */
  orderId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional(),
  /** Chosen 発注書番号; PO-000001… when absent. */
  orderNumber: z.string().min(1).optional(),
  ...sendingOverrides,
});
export type CreateOrderRequest = z.input<typeof createOrderSchema>;
export type CreateOrderInput = z.output<typeof createOrderSchema>;

export const workReportSchema = z.strictObject({
  /** Defaults to the order's work period. */
  period: dateRangeSchema.optional(),
  /** Defaults to the order's closing date (締め日). */
  closingDate: isoDate.optional(),
  ...sendingOverrides,
});
export type WorkReportRequest = z.input<typeof workReportSchema>;

export const remandSchema = z.strictObject({
  reason: z.string({ error: '差し戻し理由を入力してください' }).trim().min(1, '差し戻し理由を入力してください').max(1000),
  ...sendingOverrides,
});
export type RemandRequest = z.input<typeof remandSchema>;

export const paymentNoticeSchema = z.strictObject({
  approvalDueDate: isoDate,
  /** Defaults to the invoice's total. */
  amountYen: z.number().int().positive().optional(),
  ...sendingOverrides,
});
export type PaymentNoticeRequest = z.input<typeof paymentNoticeSchema>;

export const cancelSchema = z.strictObject({
  reason: z.string().trim().min(1).max(1000).optional(),
  ...sendingOverrides,
});
export type CancelRequest = z.input<typeof cancelSchema>;

export const overdueApprovalSchema = z.strictObject({ ...sendingOverrides });
export type OverdueApprovalRequest = z.input<typeof overdueApprovalSchema>;

export const replaySchema = z.strictObject({
  /** Events to re-send (default: every event, in the order they happened). */
  eventIds: z.array(z.string().min(1)).optional(),
  /** How many times the whole selection is sent (default 1). */
  times: z.number().int().min(1).max(20).default(1),
  /** Send the (repeated) selection in a random order. */
  shuffle: z.boolean().default(false),
  /** Send everything at once instead of one after the other. */
  parallel: z.boolean().default(false),
});
export type ReplayRequest = z.input<typeof replaySchema>;
