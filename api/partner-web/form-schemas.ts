// The partner's form inputs, checked with zod before anything is sent: 口座情報 (the platform's own
// rules, so a refusal is shown next to the field rather than after a round trip), a 業務内容 entry
// (its date inside the 稼動期間), the invoice's item and 立替経費 rows, and the 請求月. Messages are
// codes (FieldProblem); the page catalogues word them in each language. 基本情報 has its own module
// (basic-info-form.ts), shared by the registration and the order page.
import { z } from 'zod';
import { calendarDate } from '../edge/zod-fields';
import type { DatePeriod, InvoiceLine, WorkEntry } from '../../common/orders/types';

export const FIELD_PROBLEMS = [
  'required',
  'too_long',
  'kana',
  'account_type',
  'account_number',
  'date',
  'date_outside_period',
  'hours',
  'amount',
  'billing_month',
] as const;
export type FieldProblem = (typeof FIELD_PROBLEMS)[number];

/** Per-field problems, keyed by the field's name (rows: `items.0.name`). */
export type FieldErrors = Partial<Record<string, FieldProblem>>;

const isProblem = (message: string): message is FieldProblem => (FIELD_PROBLEMS as readonly string[]).includes(message);

/** The first problem of each field (a field shows one message at a time). */
export function fieldErrorsOf(error: z.ZodError, prefix = ''): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = prefix + issue.path.map(String).join('.');
    if (out[key] === undefined) out[key] = isProblem(issue.message) ? issue.message : 'required';
  }
  return out;
}

/** Full-width digits and hyphens (as a Japanese phone keyboard types them) made ASCII. */
export function asciiDigits(value: string): string {
  return value.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[－ー―‐]/g, '-');
}

/**
 * A one-line entry normalised the way Japanese forms are, into what the platform stores: NFKC
 * (full-width letters, digits and spaces to ASCII, half-width katakana to full-width), each run
 * of white space one space, none at either end.
 */
export function normalisedLine(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

const text = (max: number) => z.string({ error: 'required' }).trim().min(1, 'required').max(max, 'too_long');
const normalised = <S extends z.ZodType>(schema: S) => z.preprocess((v) => (typeof v === 'string' ? normalisedLine(v) : v), schema);
const digits = (schema: z.ZodString) => z.preprocess((v) => (typeof v === 'string' ? asciiDigits(normalisedLine(v)) : v), schema);

/** 口座名義: full- or half-width katakana, spaces and the few symbols banks accept. */
const ACCOUNT_HOLDER_KANA = /^[\u30A1-\u30FA\u30FC\uFF66-\uFF9F\s\u3000()（）.．\-－ー]+$/;

export const BANK_ACCOUNT_TYPES = ['ordinary', 'checking'] as const;

export const bankAccountForm = z.object({
  bankName: normalised(text(60)),
  branchName: normalised(text(60)),
  accountType: z.enum(BANK_ACCOUNT_TYPES, { error: 'account_type' }),
  accountNumber: digits(z.string({ error: 'required' }).min(1, 'required').regex(/^\d{7}$/, 'account_number')),
  accountHolderKana: normalised(text(60).regex(ACCOUNT_HOLDER_KANA, 'kana')),
});

const hours = z
  .string({ error: 'required' })
  .trim()
  .min(1, 'required')
  .transform((v) => Number(asciiDigits(v)))
  .pipe(z.number({ error: 'hours' }).positive('hours').max(24, 'hours').multipleOf(0.25, 'hours'));

/** One 業務内容 as typed into the form: a date inside the 稼動期間, hours, what was done. */
export function workEntryForm(period: DatePeriod) {
  return z.object({
    date: calendarDate('date').refine((d) => d >= period.from && d <= period.to, 'date_outside_period'),
    hours,
    description: text(1000),
  });
}

export const MAX_WORK_ENTRIES = 62;
export const MAX_INVOICE_ROWS = 20;

/** A kept entry's own ID. */
const DRAFT_ENTRY_ID = /^[A-Za-z0-9_-]{1,64}$/;
export const draftEntryId = z.string().regex(DRAFT_ENTRY_ID);
/** A 業務内容 kept before [業務を登録], with its own ID. */
export type DraftEntry = WorkEntry & { id: string };

/** The entries added so far, kept between steps (checked again on every post); `id` names one for [削除]. */
export function workDraft(period: DatePeriod) {
  return z.array(
    z.object({
      id: draftEntryId,
      date: calendarDate().refine((d) => d >= period.from && d <= period.to),
      hours: z.number().positive().max(24),
      description: z.string().trim().min(1).max(1000),
    }),
  ).max(MAX_WORK_ENTRIES);
}

const MAX_AMOUNT_YEN = 1_000_000_000;


const amount = z
  .string({ error: 'required' })
  .trim()
  .min(1, 'required')
  .transform((v) => asciiDigits(v).replace(/[,，円¥￥\s]/g, ''))
  .pipe(z.string().regex(/^\d+$/, 'amount'))
  .transform(Number)
  .pipe(z.number().int('amount').positive('amount').max(MAX_AMOUNT_YEN, 'amount'));

export const invoiceRowForm = z.object({ name: text(100), amountYen: amount });

const lineDraft = z.object({ name: z.string().trim().min(1).max(100), amountYen: z.number().int().positive().max(MAX_AMOUNT_YEN) });

/** The invoice carried between 確認する, 送信 and 送信する. */
export const invoiceDraft = z.object({
  items: z.array(lineDraft).min(1).max(MAX_INVOICE_ROWS),
  expenses: z.array(lineDraft).max(MAX_INVOICE_ROWS),
});
export type InvoiceDraft = { items: InvoiceLine[]; expenses: InvoiceLine[] };

export const billingMonthForm = z.string({ error: 'billing_month' }).trim().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'billing_month');

export type WorkDraft = WorkEntry[];

/** Which button of a step's form was tapped. */
export const approveOp = z.enum(['confirm', 'execute']);
export const reportOp = z.enum(['add', 'remove', 'register']);
export const invoiceOp = z.enum(['add_item', 'add_expense', 'confirm', 'edit', 'send', 'submit', 'upload', 'basic_info']);
/** The entry a [削除] removes: the ID of the entry its page showed. */
export const removedEntry = draftEntryId;
