// The push body and the message objects the emulator validates (reference B.1; LINE's Messaging
// API reference for text and buttons templates): text (≤5000 characters) and template/buttons
// (altText ≤400, title ≤40, text ≤160 or ≤60 with a title or an image, 1..4 actions with labels
// ≤20: uri, postback (data ≤300) or message). Other message types are refused: the emulator does
// not model them. Pure (zod only) so the control client shares the types.

import { z } from 'zod';

const chars = (text: string): number => [...text].length;
const limited = (max: number) =>
  z
    .string({ error: 'Must be a string' })
    .min(1, 'May not be empty')
    .refine((text) => chars(text) <= max, `Length must be between 1 and ${max}`);

const ACTION_URI = /^(https?|line|tel):/i;
const httpsUrl = (max: number) =>
  limited(max).refine((url) => {
    try {
      return new URL(url).protocol === 'https:';
    } catch {
      return false;
    }
  }, 'Must be an HTTPS URL');

export const uriActionSchema = z.strictObject({
  type: z.literal('uri'),
  label: limited(20),
  uri: limited(1000).refine((uri) => ACTION_URI.test(uri), 'Invalid action URI (http, https, line or tel)'),
  altUri: z.strictObject({ desktop: limited(1000) }).optional(),
});

export const postbackActionSchema = z.strictObject({
  type: z.literal('postback'),
  label: limited(20),
  data: limited(300),
  displayText: limited(300).optional(),
  text: limited(300).optional(),
  inputOption: z.enum(['closeRichMenu', 'openRichMenu', 'openKeyboard', 'openVoice']).optional(),
  fillInText: limited(300).optional(),
});

export const messageActionSchema = z.strictObject({
  type: z.literal('message'),
  label: limited(20),
  text: limited(300),
});

const UNSUPPORTED_ACTION = 'Must be one of the following values: [uri, postback, message]';
export const templateActionSchema = z.discriminatedUnion('type', [uriActionSchema, postbackActionSchema, messageActionSchema], { error: UNSUPPORTED_ACTION });

export const buttonsTemplateSchema = z
  .strictObject({
    type: z.literal('buttons'),
    thumbnailImageUrl: httpsUrl(2000).optional(),
    imageAspectRatio: z.enum(['rectangle', 'square']).optional(),
    imageSize: z.enum(['cover', 'contain']).optional(),
    imageBackgroundColor: z.string().regex(/^#[0-9A-Fa-f]{6}$/, 'Must be an RGB hex colour (#RRGGBB)').optional(),
    title: limited(40).optional(),
    text: limited(160),
    defaultAction: templateActionSchema.optional(),
    actions: z.array(templateActionSchema).min(1, 'Size must be between 1 and 4').max(4, 'Size must be between 1 and 4'),
  })
  .superRefine((template, context) => {
    if ((template.title !== undefined || template.thumbnailImageUrl !== undefined) && chars(template.text) > 60) {
      context.addIssue({ code: 'custom', path: ['text'], message: 'Length must be between 1 and 60 when a title or an image is set' });
    }
  });

const quickReplySchema = z.looseObject({ items: z.array(z.looseObject({ type: z.literal('action') })).max(13) }).optional();
const senderSchema = z.strictObject({ name: limited(20).optional(), iconUrl: httpsUrl(2000).optional() }).optional();

export const textMessageSchema = z.strictObject({
  type: z.literal('text'),
  text: limited(5000),
  emojis: z.array(z.looseObject({ index: z.number().int().min(0) })).max(20).optional(),
  quoteToken: z.string().min(1).optional(),
  quickReply: quickReplySchema,
  sender: senderSchema,
});

export const templateMessageSchema = z.strictObject({
  type: z.literal('template'),
  altText: limited(400),
  template: z.discriminatedUnion('type', [buttonsTemplateSchema], { error: 'Must be one of the following values: [buttons] (the emulator models buttons templates only)' }),
  quickReply: quickReplySchema,
  sender: senderSchema,
});

export const messageSchema = z.discriminatedUnion('type', [textMessageSchema, templateMessageSchema], {
  error: 'Must be one of the following values: [text, template] (the emulator models these only)',
});

export const pushBodySchema = z.strictObject({
  to: z.string({ error: 'Must be a string' }).min(1, 'May not be empty'),
  messages: z.array(messageSchema).min(1, 'Size must be between 1 and 5').max(5, 'Size must be between 1 and 5'),
  notificationDisabled: z.boolean().optional(),
  customAggregationUnits: z.array(z.string().regex(/^[A-Za-z0-9_]{1,30}$/, 'Must be 1-30 of [A-Za-z0-9_]')).max(1).optional(),
});

export type PushMessage = z.output<typeof messageSchema>;
export type TemplateAction = z.output<typeof templateActionSchema>;
export type PushBody = z.output<typeof pushBodySchema>;
export type PushBodyInput = z.input<typeof pushBodySchema>;

/** zod issues as ErrorResponse details: property `messages[0].template.actions[1].label`. */
export function errorDetails(error: z.ZodError): { message: string; property: string }[] {
  return error.issues.map((issue) => ({
    message: issue.message,
    property: issue.path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out.length === 0 ? String(part) : `${out}.${String(part)}`), ''),
  }));
}
