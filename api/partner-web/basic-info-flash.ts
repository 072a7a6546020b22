// What a 基本情報 form (基本情報登録, before approval, from the invoice) shows once after a post that did
// not go through (form-flash.ts): the values as typed, and whether the platform refused them. The
// problems of each field are checked again from the values when the page renders.
import { z } from 'zod';
import { BASIC_INFO_FIELDS, type BasicInfoField } from './basic-info-form';

const values = z.object(Object.fromEntries(BASIC_INFO_FIELDS.map((f) => [f, z.string().max(1000)])) as Record<BasicInfoField, z.ZodString>);

export const basicInfoFlash = z.object({ values, platformRejected: z.boolean().optional() });
export type BasicInfoFlash = z.infer<typeof basicInfoFlash>;
