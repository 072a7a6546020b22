// A partner's 基本情報 (name, kana, phone, address) and 口座情報 (bank account), as the platform
// validates them on `PUT /api/v1/partners/{id}/basic-info` and `/bank-account`. Pure (zod only) so
// the control client shares the types.

import { z } from 'zod';

const KATAKANA_NAME = /^[\u30A1-\u30FA\u30FC\u30FB\s\u3000]+$/;
/** 口座名義: full- or half-width katakana, spaces and the few symbols banks accept. */
const ACCOUNT_HOLDER_KANA = /^[\u30A1-\u30FA\u30FC\uFF66-\uFF9F\s\u3000()（）.．\-－ー]+$/;

const required = (label: string) => z.string({ error: `${label}を入力してください` }).trim().min(1, `${label}を入力してください`);

export const basicInfoSchema = z.strictObject({
  name: required('氏名').max(100),
  nameKana: required('氏名（カナ）').regex(KATAKANA_NAME, '氏名（カナ）は全角カタカナで入力してください'),
  phone: required('電話番号').refine((phone) => /^0\d{9,10}$/.test(phone.replace(/-/g, '')), '電話番号は0から始まる10桁または11桁で入力してください'),
  postalCode: required('郵便番号').regex(/^\d{3}-?\d{4}$/, '郵便番号は7桁で入力してください'),
  address: required('住所').max(200),
});
export type BasicInfo = z.output<typeof basicInfoSchema>;

export const BANK_ACCOUNT_TYPES = ['ordinary', 'checking'] as const;

export const bankAccountSchema = z.strictObject({
  bankName: required('金融機関名').max(60),
  branchName: required('支店名').max(60),
  accountType: z.enum(BANK_ACCOUNT_TYPES, { error: '口座種別は ordinary（普通）か checking（当座）を指定してください' }),
  accountNumber: z.string({ error: '口座番号を入力してください' }).regex(/^\d{7}$/, '口座番号は7桁の数字で入力してください'),
  accountHolderKana: required('口座名義（カナ）').regex(ACCOUNT_HOLDER_KANA, '口座名義はカタカナで入力してください'),
});
export type BankAccount = z.output<typeof bankAccountSchema>;
