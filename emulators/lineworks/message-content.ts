// The body of a bot message send (docs/providers/line-works.md#bot-messages): {"content": {...}} with a known content type.
// Properties the docs do not define are refused, as LINE WORKS warns they may be.

import { z } from 'zod';

const codePoints = (text: string): number => [...text].length;

const i18nTextSchema = z.strictObject({ language: z.string().min(1), contentText: z.string().min(1) });

const actionSchema = z.looseObject({
  type: z.enum(['message', 'uri', 'copy']),
  label: z.string().min(1),
});

export const textContentSchema = z.strictObject({
  type: z.literal('text'),
  text: z
    .string()
    .min(1, 'text must not be empty')
    .refine((text) => codePoints(text) <= 2000, 'text must be at most 2000 characters'),
});

export const buttonTemplateContentSchema = z.strictObject({
  type: z.literal('button_template'),
  contentText: z.string().min(1),
  i18nContentTexts: z.array(i18nTextSchema).optional(),
  actions: z.array(actionSchema).min(1).max(10),
});

export const flexContentSchema = z.strictObject({
  type: z.literal('flex'),
  altText: z
    .string()
    .min(1)
    .refine((text) => codePoints(text) <= 400, 'altText must be at most 400 characters'),
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
