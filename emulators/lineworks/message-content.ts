// The body of a bot message send (docs/providers/line-works.md#bot-messages): {"content": {...}} with
// a known content type and LINE WORKS API 2.0's documented limits: text ≤ 2,000 characters (and
// each i18nTexts entry); a button template's contentText ≤ 1,000 (and each i18nContentTexts entry)
// with 1–10 buttons of message, uri or copy actions (postback actions are not available there)
// whose labels are ≤ 20 (each i18nLabels entry too); flex altText ≤ 400 (each i18nAltTexts entry).
// Properties the docs do not define are refused, as LINE WORKS warns they may be; an action's other
// properties are kept as sent.

import { z } from 'zod';

const codePoints = (text: string): number => [...text].length;
const limited = (what: string, max: number) =>
  z
    .string()
    .min(1, `${what} must not be empty`)
    .refine((text) => codePoints(text) <= max, `${what} must be at most ${max} characters`);

/** The languages LINE WORKS takes for multilingual texts. */
const language = z.enum(['ko_KR', 'ja_JP', 'zh_CN', 'zh_TW', 'en_US']);
const TEXT_MAX = 2000;
const CONTENT_TEXT_MAX = 1000;
const LABEL_MAX = 20;
const ALT_TEXT_MAX = 400;

const i18nLabels = z.array(z.strictObject({ language, label: limited('label', LABEL_MAX) })).optional();

/** The actions a button template takes: message, uri and copy (postback is not available there). */
const actionSchema = z.discriminatedUnion(
  'type',
  [
    z.looseObject({ type: z.literal('message'), label: limited('label', LABEL_MAX), i18nLabels }),
    z.looseObject({ type: z.literal('uri'), label: limited('label', LABEL_MAX), uri: z.string().min(1), i18nLabels }),
    z.looseObject({ type: z.literal('copy'), label: limited('label', LABEL_MAX), copyText: z.string().min(1), i18nLabels }),
  ],
  { error: 'actions: type must be one of message, uri, copy (postback is not available in a button template)' },
);

export const textContentSchema = z.strictObject({
  type: z.literal('text'),
  text: limited('text', TEXT_MAX),
  i18nTexts: z.array(z.strictObject({ language, text: limited('text', TEXT_MAX) })).optional(),
});

export const buttonTemplateContentSchema = z.strictObject({
  type: z.literal('button_template'),
  contentText: limited('contentText', CONTENT_TEXT_MAX),
  i18nContentTexts: z.array(z.strictObject({ language, contentText: limited('contentText', CONTENT_TEXT_MAX) })).optional(),
  actions: z.array(actionSchema).min(1, 'actions must have 1 to 10 buttons').max(10, 'actions must have 1 to 10 buttons'),
});

export const flexContentSchema = z.strictObject({
  type: z.literal('flex'),
  altText: limited('altText', ALT_TEXT_MAX),
  i18nAltTexts: z.array(z.strictObject({ language, altText: limited('altText', ALT_TEXT_MAX) })).optional(),
  contents: z.looseObject({ type: z.enum(['bubble', 'carousel']) }),
});

export const messageContentSchema = z.discriminatedUnion('type', [textContentSchema, buttonTemplateContentSchema, flexContentSchema]);

export const sendMessageBodySchema = z.strictObject({ content: messageContentSchema });

export type MessageContent = z.output<typeof messageContentSchema>;

/** A one-line description of why a body was refused, for the INVALID_PARAMETER answer. */
export function describeInvalidBody(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = issue.path.map(String).join('.');
      return where.length > 0 ? `${where}: ${issue.message}` : issue.message;
    })
    .join('; ');
}
