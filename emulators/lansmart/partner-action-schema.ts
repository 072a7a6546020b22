// The body of `POST /api/v1/orders/{orderId}/partner-actions` — what the partner did in renkei's
// pages, reported to the platform: approve the order, register work, submit (or resubmit) the
// invoice, approve the payment notice. Pure (zod only) so renkei and the control client share it.

import { z } from 'zod';

const emptyPayload = z.strictObject({}).default({});

const lineSchema = z.strictObject({
  name: z.string().trim().min(1, '品目名を入力してください').max(100),
  amountYen: z.number().int('金額は円単位の整数で入力してください').positive('金額は1円以上で入力してください'),
});

export const workEntrySchema = z.strictObject({
  date: z.iso.date('日付は YYYY-MM-DD で入力してください'),
  hours: z.number().positive('稼動時間は0より大きい値で入力してください').max(24, '稼動時間は24時間以内で入力してください'),
  description: z.string().trim().min(1, '業務内容を入力してください').max(1000),
});

export const partnerActionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('order.approve'), partnerId: z.string().min(1), payload: emptyPayload }),
  z.strictObject({
    type: z.literal('work.register'),
    partnerId: z.string().min(1),
    payload: z.strictObject({ entries: z.array(workEntrySchema).min(1, '業務内容を1件以上登録してください') }),
  }),
  z.strictObject({
    type: z.literal('invoice.submit'),
    partnerId: z.string().min(1),
    payload: z.strictObject({
      billingMonth: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '請求月は YYYY-MM で入力してください'),
      items: z.array(lineSchema).min(1, '請求項目を1件以上入力してください'),
      /** 立替経費; may be empty. */
      expenses: z.array(lineSchema).default([]),
    }),
  }),
  z.strictObject({
    type: z.literal('payment_notice.approve'),
    partnerId: z.string().min(1),
    /** onBehalfOfPartner: the approval is renkei's 期日超過承認 for the partner (recorded as approvedBy "overdue"). */
    payload: z.strictObject({ onBehalfOfPartner: z.boolean().optional() }).default({}),
  }),
]);

export type PartnerActionRequest = z.input<typeof partnerActionSchema>;
export type PartnerAction = z.output<typeof partnerActionSchema>;
export type PartnerActionType = PartnerAction['type'];

/** One call of the partner-actions route as the platform saw it (`GET /_emulator/partner-actions`). */
export interface RecordedPartnerAction {
  at: string;
  orderId: string;
  idempotencyKey: string | null;
  /** As sent (may be invalid). */
  type: string | null;
  partnerId: string | null;
  /** Set when the action was applied (and on its replays). */
  actionId: string | null;
  status: number;
  /** True when the answer was the stored answer of an earlier call with the same key. */
  replayed: boolean;
  errorCode: string | null;
}
