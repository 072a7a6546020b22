// The Messaging API rich-menu object (LINE's reference, "Rich menu object"): size (width 800..2500,
// height ≥250, width/height ≥1.45), selected, name ≤300, chatBarText ≤14, 1..20 areas inside the
// image, each with a postback (data ≤300), message or uri action. Pure (zod only).

import { z } from 'zod';

const chars = (text: string): number => [...text].length;
const limited = (max: number) =>
  z
    .string()
    .min(1, 'May not be empty')
    .refine((text) => chars(text) <= max, `Length must be between 1 and ${max}`);

export const richMenuActionSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('postback'), label: limited(20).optional(), data: limited(300), displayText: limited(300).optional(), inputOption: z.string().optional() }),
    z.strictObject({ type: z.literal('message'), label: limited(20).optional(), text: limited(300) }),
    z.strictObject({ type: z.literal('uri'), label: limited(20).optional(), uri: limited(1000).refine((uri) => /^(https?|line|tel):/i.test(uri), 'Invalid action URI') }),
  ],
  { error: 'Must be one of the following values: [postback, message, uri] (the emulator models these only)' },
);

const boundsSchema = z.strictObject({
  x: z.number().int().min(0),
  y: z.number().int().min(0),
  width: z.number().int().min(1),
  height: z.number().int().min(1),
});

export const createRichMenuSchema = z
  .strictObject({
    size: z
      .strictObject({ width: z.number().int().min(800).max(2500), height: z.number().int().min(250) })
      .refine((size) => size.width / size.height >= 1.45, 'width / height must be at least 1.45'),
    selected: z.boolean(),
    name: limited(300),
    chatBarText: limited(14),
    areas: z.array(z.strictObject({ bounds: boundsSchema, action: richMenuActionSchema })).min(1).max(20),
  })
  .superRefine((menu, context) => {
    menu.areas.forEach((area, index) => {
      const { x, y, width, height } = area.bounds;
      if (x + width > menu.size.width || y + height > menu.size.height) {
        context.addIssue({ code: 'custom', path: ['areas', index, 'bounds'], message: 'The area must lie inside the rich menu' });
      }
    });
  });

export type CreateRichMenuBody = z.input<typeof createRichMenuSchema>;
export type RichMenuAction = z.output<typeof richMenuActionSchema>;

/** A rich menu as `GET /v2/bot/richmenu/{id}` answers it. */
export interface RichMenuView {
  richMenuId: string;
  size: { width: number; height: number };
  selected: boolean;
  name: string;
  chatBarText: string;
  areas: { bounds: { x: number; y: number; width: number; height: number }; action: RichMenuAction }[];
}
