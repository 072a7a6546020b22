// 基本情報 as the partner types it on a phone, for both forms that ask for it (基本情報登録 at the
// end of ユーザー登録, and 基本情報の設定 on the order page before approving): normalised the way
// Japanese forms are (NFKC turns full-width digits and half-width katakana into what the platform
// stores; the dashes a kana keyboard types in a phone number become hyphens) and validated by the
// platform's own rules (providers/lansmart, emulators/lansmart/partner-info.ts) before it is sent,
// so a mistake comes back next to its field instead of as the platform's 400. The words of each
// problem are in pages/basic-info-catalogue.ts.
import { z } from 'zod';
import type { PartnerBasicInfo } from '../../providers/lansmart/platform-client';
import { asciiDigits, normalisedLine } from './form-schemas';

export const BASIC_INFO_FIELDS = ['name', 'nameKana', 'phone', 'postalCode', 'address'] as const;
export type BasicInfoField = (typeof BASIC_INFO_FIELDS)[number];

export type BasicInfoProblem = { code: 'required' } | { code: 'tooLong'; max: number } | { code: 'kana' } | { code: 'phone' } | { code: 'postalCode' };
/** The first problem of each field that has one. */
export type BasicInfoProblems = Partial<Record<BasicInfoField, BasicInfoProblem>>;

const MAX: Record<BasicInfoField, number> = { name: 100, nameKana: 100, phone: 20, postalCode: 10, address: 200 };
const KATAKANA_NAME = /^[\u30A1-\u30FA\u30FC\u30FB\s\u3000]+$/;
const NUMBERS: ReadonlySet<BasicInfoField> = new Set(['phone', 'postalCode']);

/** The posted values as the form shows them again (normalised, never more than a field can hold). */
export function basicInfoValues(body: Record<string, unknown>): Record<BasicInfoField, string> {
  const values = {} as Record<BasicInfoField, string>;
  for (const f of BASIC_INFO_FIELDS) {
    const v = body[f];
    const line = typeof v === 'string' ? normalisedLine(v) : '';
    values[f] = (NUMBERS.has(f) ? asciiDigits(line) : line).slice(0, MAX[f] * 2);
  }
  return values;
}

const field = (f: BasicInfoField) =>
  z
    .string()
    .min(1, 'required')
    .refine((v) => v.length <= MAX[f], 'tooLong');

const schema = z.object({
  name: field('name'),
  nameKana: field('nameKana').refine((v) => KATAKANA_NAME.test(v), 'kana'),
  phone: field('phone').refine((v) => /^0\d{9,10}$/.test(v.replace(/-/g, '')) && /^[\d-]+$/.test(v), 'phone'),
  postalCode: field('postalCode').refine((v) => /^\d{3}-?\d{4}$/.test(v), 'postalCode'),
  address: field('address'),
});

export type BasicInfoCheck = { ok: true; info: PartnerBasicInfo } | { ok: false; problems: BasicInfoProblems };

/** Checks values from basicInfoValues: what to send to the platform, or each field's first problem. */
export function checkBasicInfo(values: Record<BasicInfoField, string>): BasicInfoCheck {
  const parsed = schema.safeParse(values);
  if (parsed.success) {
    const postal = parsed.data.postalCode.replace('-', '');
    return { ok: true, info: { ...parsed.data, postalCode: `${postal.slice(0, 3)}-${postal.slice(3)}` } };
  }
  const problems: BasicInfoProblems = {};
  for (const issue of parsed.error.issues) {
    const f = issue.path[0] as BasicInfoField;
    if (problems[f]) continue; // the first problem of a field is the one to fix first
    const code = issue.message;
    problems[f] = code === 'tooLong' ? { code, max: MAX[f] } : code === 'kana' || code === 'phone' || code === 'postalCode' ? { code } : { code: 'required' };
  }
  return { ok: false, problems };
}
