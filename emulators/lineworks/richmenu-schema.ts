// The rich-menu wire contract (docs/providers/line-works.md#rich-menus): the create body LINE WORKS validates (size 2500×1686
// or 2500×843, 1..20 areas inside the image, action objects of the kinds a rich menu allows) and
// the shapes answered. Pure (zod only) so the control client shares the types.

import { z } from 'zod';

export const RICHMENU_WIDTH = 2500;
export const RICHMENU_HEIGHTS = [1686, 843] as const;

const codePoints = (text: string): number => [...text].length;
const label = z
  .string()
  .min(1)
  .refine((text) => codePoints(text) <= 20, 'label must be at most 20 characters')
  .optional();
const i18nList = z.array(z.looseObject({ language: z.string().min(1) })).optional();

export const richMenuActionSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('postback'),
    label,
    data: z
      .string()
      .min(1)
      .refine((text) => codePoints(text) <= 300, 'data must be at most 300 characters'),
    displayText: z.string().min(1).optional(),
    i18nLabels: i18nList,
    i18nDisplayTexts: i18nList,
  }),
  z.strictObject({
    type: z.literal('message'),
    label,
    text: z.string().min(1),
    postback: z
      .string()
      .min(1)
      .refine((text) => codePoints(text) <= 1000, 'postback must be at most 1000 characters')
      .optional(),
    i18nLabels: i18nList,
    i18nTexts: i18nList,
  }),
  z.strictObject({ type: z.literal('uri'), label, uri: z.url({ protocol: /^https?$/ }), i18nLabels: i18nList }),
  z.strictObject({ type: z.literal('copy'), label, copyText: z.string().min(1), i18nLabels: i18nList }),
]);
export type RichMenuAction = z.output<typeof richMenuActionSchema>;

const boundsSchema = z.strictObject({
  x: z.number().int().min(0),
  y: z.number().int().min(0),
  width: z.number().int().min(1),
  height: z.number().int().min(1),
});

export const richMenuSizeSchema = z
  .strictObject({ width: z.number().int(), height: z.number().int() })
  .refine((size) => size.width === RICHMENU_WIDTH && (RICHMENU_HEIGHTS as readonly number[]).includes(size.height), {
    message: 'size must be 2500x1686 or 2500x843',
  });

export const richMenuAreaSchema = z.strictObject({ bounds: boundsSchema, action: richMenuActionSchema });

export const createRichMenuSchema = z
  .strictObject({
    richmenuName: z
      .string()
      .min(1)
      .refine((text) => codePoints(text) <= 300, 'richmenuName must be at most 300 characters'),
    i18nRichmenuNames: i18nList,
    size: richMenuSizeSchema,
    areas: z.array(richMenuAreaSchema).min(1, 'at least 1 area').max(20, 'at most 20 areas'),
  })
  .superRefine((menu, ctx) => {
    menu.areas.forEach((area, index) => {
      const { x, y, width, height } = area.bounds;
      if (x + width > menu.size.width || y + height > menu.size.height) {
        ctx.addIssue({ code: 'custom', path: ['areas', index, 'bounds'], message: 'area lies outside the rich menu size' });
      }
    });
  });
export type CreateRichMenuBody = z.input<typeof createRichMenuSchema>;
export type RichMenuArea = z.output<typeof richMenuAreaSchema>;

/** A rich menu as the API answers it (create, get, list). */
export interface RichMenuView {
  richmenuId: string;
  richmenuName: string;
  size: { width: number; height: number };
  areas: RichMenuArea[];
}

/** `GET /_emulator/bots/:botId/users/:userId/richmenu`: what the user sees in the talk room. */
export interface EffectiveRichMenu extends RichMenuView {
  /** "user" when a per-user menu applies, else "default". */
  source: 'user' | 'default';
  /** The image set on the menu, when there is one. */
  image: { fileId: string; fileName: string; width: number; height: number } | null;
}

export const setRichMenuImageSchema = z.strictObject({
  fileId: z.string().min(1),
  i18nFileIds: z.array(z.strictObject({ language: z.string().min(1), fileId: z.string().min(1) })).optional(),
});

export const createAttachmentSchema = z.strictObject({ fileName: z.string().min(1).max(255) });
