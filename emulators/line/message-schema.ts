// The push body and the message objects the emulator validates, as LINE's Messaging API reference
// publishes them ("Message objects", "Action objects", docs/providers/line.md#messages): up to 5
// messages of the types text, textV2, sticker, image, video, audio, location, imagemap, template
// (buttons, confirm, carousel, image_carousel) and flex (bubble, carousel), with their documented
// limits. Message text, altText and URLs count UTF-16 code units; action labels and the texts of
// buttons, confirm and carousel templates count grapheme clusters, as LINE counts them
// ("Character counting in a text"). A Flex component's styling properties (sizes, colours,
// margins) pass unchecked; its structure, texts, URLs and actions are checked. Every output type
// is assignable to the LINE SDK's message types (test/unit/contracts-line.test.ts). Pure (zod
// only) so the control client shares the types.

import { z } from 'zod';

/** UTF-16 code units: how LINE counts message text, altText and URLs. */
const codeUnits = (text: string): number => text.length;
const segmenter = new Intl.Segmenter('ja', { granularity: 'grapheme' });
/** Grapheme clusters: how LINE counts action labels and template texts. */
const graphemes = (text: string): number => {
  let count = 0;
  for (const _ of segmenter.segment(text)) count += 1;
  return count;
};

const limited = (max: number, count: (text: string) => number = codeUnits) =>
  z
    .string({ error: 'Must be a string' })
    .min(1, 'May not be empty')
    .refine((text) => count(text) <= max, `Length must be between 1 and ${max}`);
const limitedGraphemes = (max: number) => limited(max, graphemes);

const ACTION_URI = /^(https?|line|tel):/i;
const actionUri = (max: number) => limited(max).refine((uri) => ACTION_URI.test(uri), 'Invalid action URI (http, https, line or tel)');
const httpsUrl = (max: number) =>
  limited(max).refine((url) => {
    try {
      return new URL(url).protocol === 'https:';
    } catch {
      return false;
    }
  }, 'Must be an HTTPS URL');
const MEDIA_URL_MAX = 2000;
const rgb = z.string().regex(/^#[0-9A-Fa-f]{6}$/, 'Must be an RGB hex colour (#RRGGBB)');

// --- Actions. The label's rule depends on where the action sits ("Specifications of the label").

/** Whether a label is required where the action sits, and its length in grapheme clusters. */
interface LabelRule {
  required: boolean;
  max: number;
}
const TEMPLATE_LABEL: LabelRule = { required: true, max: 20 };
const DEFAULT_ACTION_LABEL: LabelRule = { required: false, max: 20 };
const IMAGE_CAROUSEL_LABEL: LabelRule = { required: false, max: 12 };
const QUICK_REPLY_LABEL: LabelRule = { required: true, max: 20 };
const FLEX_BUTTON_LABEL: LabelRule = { required: true, max: 40 };
const FLEX_OTHER_LABEL: LabelRule = { required: false, max: 40 };

function actionSchemas<L extends z.ZodType<string | undefined>>(label: L) {
  return {
    uri: z.strictObject({ type: z.literal('uri'), label, uri: actionUri(1000), altUri: z.strictObject({ desktop: actionUri(1000) }).optional() }),
    postback: z.strictObject({
      type: z.literal('postback'),
      label,
      data: limited(300),
      displayText: limited(300).optional(),
      text: limited(300).optional(),
      inputOption: z.enum(['closeRichMenu', 'openRichMenu', 'openKeyboard', 'openVoice']).optional(),
      fillInText: limited(300).optional(),
    }),
    message: z.strictObject({ type: z.literal('message'), label, text: limited(300) }),
    datetimepicker: z.strictObject({
      type: z.literal('datetimepicker'),
      label,
      data: limited(300),
      mode: z.enum(['date', 'time', 'datetime']),
      initial: z.string().optional(),
      max: z.string().optional(),
      min: z.string().optional(),
    }),
    clipboard: z.strictObject({ type: z.literal('clipboard'), label, clipboardText: limited(1000) }),
  };
}

const ACTIONS = 'Must be one of the following values: [uri, postback, message, datetimepicker, clipboard]';
function actionSchema<L extends z.ZodType<string | undefined>>(label: L) {
  const a = actionSchemas(label);
  return z.discriminatedUnion('type', [a.uri, a.postback, a.message, a.datetimepicker, a.clipboard], { error: ACTIONS });
}

const templateActions = actionSchemas(limitedGraphemes(TEMPLATE_LABEL.max));
export const templateActionSchema = actionSchema(limitedGraphemes(TEMPLATE_LABEL.max));
export const uriActionSchema = templateActions.uri;
export const postbackActionSchema = templateActions.postback;
export const messageActionSchema = templateActions.message;
const defaultActionSchema = actionSchema(limitedGraphemes(DEFAULT_ACTION_LABEL.max).optional());
const imageCarouselActionSchema = actionSchema(limitedGraphemes(IMAGE_CAROUSEL_LABEL.max).optional());
const flexButtonActionSchema = actionSchema(limitedGraphemes(FLEX_BUTTON_LABEL.max));
const flexActionSchema = actionSchema(limitedGraphemes(FLEX_OTHER_LABEL.max).optional());

/** Camera, camera roll and location actions exist on quick reply buttons only. */
const quickReplyActions = actionSchemas(limitedGraphemes(QUICK_REPLY_LABEL.max));
const quickReplyActionSchema = z.discriminatedUnion(
  'type',
  [
    quickReplyActions.uri,
    quickReplyActions.postback,
    quickReplyActions.message,
    quickReplyActions.datetimepicker,
    quickReplyActions.clipboard,
    z.strictObject({ type: z.literal('camera'), label: limitedGraphemes(QUICK_REPLY_LABEL.max) }),
    z.strictObject({ type: z.literal('cameraRoll'), label: limitedGraphemes(QUICK_REPLY_LABEL.max) }),
    z.strictObject({ type: z.literal('location'), label: limitedGraphemes(QUICK_REPLY_LABEL.max) }),
  ],
  { error: 'Must be one of the following values: [uri, postback, message, datetimepicker, clipboard, camera, cameraRoll, location]' },
);

// --- Common message properties.

const quickReplySchema = z
  .strictObject({
    items: z.array(z.strictObject({ type: z.literal('action'), imageUrl: httpsUrl(MEDIA_URL_MAX).optional(), action: quickReplyActionSchema })).min(1, 'Size must be between 1 and 13').max(13, 'Size must be between 1 and 13'),
  })
  .optional();
const senderSchema = z.strictObject({ name: limited(20).optional(), iconUrl: httpsUrl(MEDIA_URL_MAX).optional() }).optional();
const common = { quickReply: quickReplySchema, sender: senderSchema };

// --- Text, sticker, media and location.

export const textMessageSchema = z.strictObject({
  type: z.literal('text'),
  text: limited(5000),
  emojis: z
    .array(z.strictObject({ index: z.number().int().min(0), productId: z.string().min(1), emojiId: z.string().min(1) }))
    .max(20, 'Size must be between 0 and 20')
    .optional(),
  quoteToken: z.string().min(1).optional(),
  ...common,
});

const substitutionSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('mention'),
    mentionee: z.discriminatedUnion('type', [z.strictObject({ type: z.literal('user'), userId: z.string().min(1) }), z.strictObject({ type: z.literal('all') })]),
  }),
  z.strictObject({ type: z.literal('emoji'), productId: z.string().min(1), emojiId: z.string().min(1) }),
]);
export const textV2MessageSchema = z.strictObject({
  type: z.literal('textV2'),
  text: limited(5000),
  substitution: z.record(z.string().regex(/^[A-Za-z0-9_]{1,20}$/, 'Keys must be 1-20 of [A-Za-z0-9_]'), substitutionSchema).optional(),
  quoteToken: z.string().min(1).optional(),
  ...common,
});

export const stickerMessageSchema = z.strictObject({ type: z.literal('sticker'), packageId: z.string().min(1), stickerId: z.string().min(1), quoteToken: z.string().min(1).optional(), ...common });

export const imageMessageSchema = z.strictObject({ type: z.literal('image'), originalContentUrl: httpsUrl(MEDIA_URL_MAX), previewImageUrl: httpsUrl(MEDIA_URL_MAX), ...common });

export const videoMessageSchema = z.strictObject({
  type: z.literal('video'),
  originalContentUrl: httpsUrl(MEDIA_URL_MAX),
  previewImageUrl: httpsUrl(MEDIA_URL_MAX),
  trackingId: limited(100)
    .refine((id) => /^[A-Za-z0-9\-.=,+*()%$&;:@{}!?<>[\]]+$/.test(id), 'Only a-z, A-Z, 0-9 and -.=,+*()%$&;:@{}!?<>[]')
    .optional(),
  ...common,
});

export const audioMessageSchema = z.strictObject({ type: z.literal('audio'), originalContentUrl: httpsUrl(MEDIA_URL_MAX), duration: z.number().int().min(1), ...common });

export const locationMessageSchema = z.strictObject({
  type: z.literal('location'),
  title: limited(100),
  address: limited(100),
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  ...common,
});

// --- Imagemap.

const areaSchema = z.strictObject({ x: z.number().int().min(0), y: z.number().int().min(0), width: z.number().int().min(1), height: z.number().int().min(1) });
const imagemapActionSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('uri'), label: limited(100).optional(), linkUri: actionUri(1000), area: areaSchema }),
    z.strictObject({ type: z.literal('message'), label: limited(100).optional(), text: limited(400), area: areaSchema }),
    z.strictObject({ type: z.literal('clipboard'), label: limited(100).optional(), clipboardText: limited(1000), area: areaSchema }),
  ],
  { error: 'Must be one of the following values: [uri, message, clipboard]' },
);
export const imagemapMessageSchema = z.strictObject({
  type: z.literal('imagemap'),
  baseUrl: httpsUrl(MEDIA_URL_MAX),
  altText: limited(1500),
  baseSize: z.strictObject({ width: z.literal(1040, { error: 'Must be 1040' }), height: z.number().int().min(1) }),
  video: z
    .strictObject({
      originalContentUrl: httpsUrl(MEDIA_URL_MAX),
      previewImageUrl: httpsUrl(MEDIA_URL_MAX),
      area: areaSchema,
      externalLink: z.strictObject({ linkUri: actionUri(1000), label: limited(30) }).optional(),
    })
    .optional(),
  actions: z.array(imagemapActionSchema).max(50, 'Size must be between 0 and 50'),
  ...common,
});

// --- Templates.

const imageAspectRatio = z.enum(['rectangle', 'square']).optional();
const imageSize = z.enum(['cover', 'contain']).optional();

export const buttonsTemplateSchema = z
  .strictObject({
    type: z.literal('buttons'),
    thumbnailImageUrl: httpsUrl(MEDIA_URL_MAX).optional(),
    imageAspectRatio,
    imageSize,
    imageBackgroundColor: rgb.optional(),
    title: limitedGraphemes(40).optional(),
    text: limitedGraphemes(160),
    defaultAction: defaultActionSchema.optional(),
    actions: z.array(templateActionSchema).min(1, 'Size must be between 1 and 4').max(4, 'Size must be between 1 and 4'),
  })
  .superRefine((template, context) => {
    if ((template.title !== undefined || template.thumbnailImageUrl !== undefined) && graphemes(template.text) > 60) {
      context.addIssue({ code: 'custom', path: ['text'], message: 'Length must be between 1 and 60 when a title or an image is set' });
    }
  });

export const confirmTemplateSchema = z.strictObject({
  type: z.literal('confirm'),
  text: limitedGraphemes(240),
  actions: z.array(templateActionSchema).length(2, 'Size must be 2'),
});

const carouselColumnSchema = z
  .strictObject({
    thumbnailImageUrl: httpsUrl(MEDIA_URL_MAX).optional(),
    imageBackgroundColor: rgb.optional(),
    title: limitedGraphemes(40).optional(),
    text: limitedGraphemes(120),
    defaultAction: defaultActionSchema.optional(),
    actions: z.array(templateActionSchema).min(1, 'Size must be between 1 and 3').max(3, 'Size must be between 1 and 3'),
  })
  .superRefine((column, context) => {
    if ((column.title !== undefined || column.thumbnailImageUrl !== undefined) && graphemes(column.text) > 60) {
      context.addIssue({ code: 'custom', path: ['text'], message: 'Length must be between 1 and 60 when a title or an image is set' });
    }
  });

export const carouselTemplateSchema = z
  .strictObject({
    type: z.literal('carousel'),
    columns: z.array(carouselColumnSchema).min(1, 'Size must be between 1 and 10').max(10, 'Size must be between 1 and 10'),
    imageAspectRatio,
    imageSize,
  })
  .superRefine((template, context) => {
    const counts = new Set(template.columns.map((column) => column.actions.length));
    if (counts.size > 1) context.addIssue({ code: 'custom', path: ['columns'], message: 'All columns must have the same number of actions' });
  });

export const imageCarouselTemplateSchema = z.strictObject({
  type: z.literal('image_carousel'),
  columns: z
    .array(z.strictObject({ imageUrl: httpsUrl(MEDIA_URL_MAX), action: imageCarouselActionSchema }))
    .min(1, 'Size must be between 1 and 10')
    .max(10, 'Size must be between 1 and 10'),
});

export const templateMessageSchema = z.strictObject({
  type: z.literal('template'),
  altText: limited(1500),
  template: z.discriminatedUnion('type', [buttonsTemplateSchema, confirmTemplateSchema, carouselTemplateSchema, imageCarouselTemplateSchema], {
    error: 'Must be one of the following values: [buttons, confirm, carousel, image_carousel]',
  }),
  ...common,
});

// --- Flex. Components keep their styling properties as sent (not checked).

export type FlexAction = z.output<typeof flexActionSchema>;
export type FlexButtonAction = z.output<typeof flexButtonActionSchema>;
export interface FlexBox {
  type: 'box';
  layout: 'horizontal' | 'vertical' | 'baseline';
  contents: FlexComponent[];
  action?: FlexAction | undefined;
}
export interface FlexButton {
  type: 'button';
  action: FlexButtonAction;
}
export interface FlexImage {
  type: 'image';
  url: string;
  action?: FlexAction | undefined;
}
export interface FlexVideo {
  type: 'video';
  url: string;
  previewUrl: string;
  altContent: FlexBox | FlexImage;
  action?: FlexAction | undefined;
}
export interface FlexIcon {
  type: 'icon';
  url: string;
}
export interface FlexSpan {
  type: 'span';
  text: string;
}
export interface FlexText {
  type: 'text';
  text?: string | undefined;
  contents?: FlexSpan[] | undefined;
  action?: FlexAction | undefined;
}
export interface FlexSeparator {
  type: 'separator';
}
export interface FlexFiller {
  type: 'filler';
}
export type FlexComponent = FlexBox | FlexButton | FlexImage | FlexIcon | FlexText | FlexSeparator | FlexFiller;
export interface FlexBubble {
  type: 'bubble';
  size?: 'nano' | 'micro' | 'deca' | 'hecto' | 'kilo' | 'mega' | 'giga' | undefined;
  direction?: 'ltr' | 'rtl' | undefined;
  header?: FlexBox | undefined;
  hero?: FlexBox | FlexImage | FlexVideo | undefined;
  body?: FlexBox | undefined;
  footer?: FlexBox | undefined;
  action?: FlexAction | undefined;
}
export interface FlexCarousel {
  type: 'carousel';
  contents: FlexBubble[];
}

const flexImageSchema = z.looseObject({ type: z.literal('image'), url: httpsUrl(MEDIA_URL_MAX), action: flexActionSchema.optional() });
/** Flex texts have no published length limit, only that they are not empty. */
const flexText = z.string({ error: 'Must be a string' }).min(1, 'May not be empty');
const flexSpanSchema = z.looseObject({ type: z.literal('span'), text: flexText });
const flexTextSchema = z
  .looseObject({ type: z.literal('text'), text: flexText.optional(), contents: z.array(flexSpanSchema).optional(), action: flexActionSchema.optional() })
  .refine((text) => text.text !== undefined || (text.contents !== undefined && text.contents.length > 0), { message: 'Either text or contents must be set', path: ['text'] });
const flexLeafSchemas = [
  z.looseObject({ type: z.literal('button'), action: flexButtonActionSchema }),
  flexImageSchema,
  z.looseObject({ type: z.literal('icon'), url: httpsUrl(MEDIA_URL_MAX) }),
  flexTextSchema,
  z.looseObject({ type: z.literal('separator') }),
  z.looseObject({ type: z.literal('filler') }),
] as const;
const COMPONENTS = 'Must be one of the following values: [box, button, image, icon, text, separator, filler]';
/** Components a baseline box may hold. */
const BASELINE = new Set(['icon', 'text', 'filler']);
/** Components a horizontal or vertical box may hold. */
const HORIZONTAL_OR_VERTICAL = new Set(['box', 'button', 'image', 'text', 'separator', 'filler']);

const flexBoxSchema: z.ZodType<FlexBox> = z.lazy(() =>
  z
    .looseObject({
      type: z.literal('box'),
      layout: z.enum(['horizontal', 'vertical', 'baseline']),
      contents: z.array(flexComponentSchema),
      action: flexActionSchema.optional(),
    })
    .superRefine((box, context) => {
      const allowed = box.layout === 'baseline' ? BASELINE : HORIZONTAL_OR_VERTICAL;
      box.contents.forEach((component, index) => {
        if (!allowed.has(component.type)) context.addIssue({ code: 'custom', path: ['contents', index, 'type'], message: `A ${box.layout} box cannot hold a ${component.type}` });
      });
    }),
);
const flexComponentSchema: z.ZodType<FlexComponent> = z.lazy(() => z.discriminatedUnion('type', [flexBoxSchema as z.ZodType<FlexBox> & z.ZodObject, ...flexLeafSchemas], { error: COMPONENTS }));
const flexVideoSchema = z.looseObject({
  type: z.literal('video'),
  url: httpsUrl(MEDIA_URL_MAX),
  previewUrl: httpsUrl(MEDIA_URL_MAX),
  altContent: z.union([flexBoxSchema, flexImageSchema], { error: 'Must be a box or an image' }),
  action: flexActionSchema.optional(),
});

const BUBBLE_MAX_BYTES = 30 * 1024;
const CAROUSEL_MAX_BYTES = 50 * 1024;
const jsonBytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');

const flexBubbleSchema = z
  .looseObject({
    type: z.literal('bubble'),
    size: z.enum(['nano', 'micro', 'deca', 'hecto', 'kilo', 'mega', 'giga']).optional(),
    direction: z.enum(['ltr', 'rtl']).optional(),
    header: flexBoxSchema.optional(),
    hero: z.union([flexBoxSchema, flexImageSchema, flexVideoSchema], { error: 'The hero block must be a box, an image or a video' }).optional(),
    body: flexBoxSchema.optional(),
    footer: flexBoxSchema.optional(),
    styles: z.looseObject({}).optional(),
    action: flexActionSchema.optional(),
  })
  .refine((bubble) => jsonBytes(bubble) <= BUBBLE_MAX_BYTES, 'A bubble may be at most 30 KB of JSON');
const flexCarouselSchema = z
  .looseObject({ type: z.literal('carousel'), contents: z.array(flexBubbleSchema).min(1, 'Size must be between 1 and 12').max(12, 'Size must be between 1 and 12') })
  .refine((carousel) => jsonBytes(carousel) <= CAROUSEL_MAX_BYTES, 'A carousel may be at most 50 KB of JSON')
  .refine((carousel) => new Set(carousel.contents.map((bubble) => bubble.size ?? 'mega')).size <= 1, 'All bubbles of a carousel must have the same size');

export const flexMessageSchema = z.strictObject({
  type: z.literal('flex'),
  altText: limited(1500),
  contents: z.discriminatedUnion('type', [flexBubbleSchema, flexCarouselSchema], { error: 'Must be one of the following values: [bubble, carousel]' }),
  ...common,
});

// --- The push.

export const messageSchema = z.discriminatedUnion(
  'type',
  [
    textMessageSchema,
    textV2MessageSchema,
    stickerMessageSchema,
    imageMessageSchema,
    videoMessageSchema,
    audioMessageSchema,
    locationMessageSchema,
    imagemapMessageSchema,
    templateMessageSchema,
    flexMessageSchema,
  ],
  { error: 'Must be one of the following values: [text, textV2, sticker, image, video, audio, location, imagemap, template, flex]' },
);

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

/** The actions of a pushed message in reading order: what the chat page shows as buttons. */
export function actionsOf(message: PushMessage): FlexAction[] {
  if (message.type === 'template') {
    const { template } = message;
    if (template.type === 'buttons' || template.type === 'confirm') return template.actions;
    if (template.type === 'carousel') return template.columns.flatMap((column) => column.actions);
    return template.columns.map((column) => column.action);
  }
  if (message.type !== 'flex') return [];
  const bubbles = message.contents.type === 'bubble' ? [message.contents as FlexBubble] : (message.contents.contents as FlexBubble[]);
  const buttons = (component: FlexComponent | FlexVideo | undefined): FlexAction[] => {
    if (component === undefined) return [];
    if (component.type === 'button') return [component.action];
    if (component.type === 'box') return component.contents.flatMap(buttons);
    return [];
  };
  return bubbles.flatMap((bubble) => [bubble.header, bubble.hero, bubble.body, bubble.footer].flatMap(buttons));
}

/** What stands for a message in a list: its text, its altText, or its type. */
export function summaryOf(message: PushMessage): string {
  if (message.type === 'text' || message.type === 'textV2') return message.text;
  if (message.type === 'template' || message.type === 'flex' || message.type === 'imagemap') return message.altText;
  if (message.type === 'location') return message.title;
  return `[${message.type}]`;
}

/** zod issues as ErrorResponse details: property `messages[0].template.actions[1].label`. */
export function errorDetails(error: z.ZodError): { message: string; property: string }[] {
  return error.issues.map((issue) => ({
    message: issue.message,
    property: issue.path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out.length === 0 ? String(part) : `${out}.${String(part)}`), ''),
  }));
}
