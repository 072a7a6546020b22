// The product event renkei's signed event endpoint accepts from freee products that have no
// webhook of their own (人事労務, 販売, 請求書, 振込代行, 工数管理, カード Unlimited), and its reduction
// to the ProductEvent domain type.
import { z } from 'zod';
import { isoInstant, wellFormedText } from '../edge/zod-fields';
import { FREEE_PRODUCTS, type ProductEvent } from '../../common/freee/events';

const numericId = z.union([z.number().int().nonnegative(), z.string().regex(/^\d{1,20}$/)]).transform(String);

/** Links in messages must lead to freee itself, never elsewhere. */
const freeeUrl = z.url({ protocol: /^https$/, abort: true }).refine((u) => {
  // Checks run on after a failed format check: a string that is not a URL must not throw here.
  const host = URL.canParse(u) ? new URL(u).hostname : '';
  return host === 'freee.co.jp' || host.endsWith('.freee.co.jp');
}, 'must be an https URL on a freee.co.jp host');

export const freeeProductEventSchema = z.strictObject({
  id: z.union([z.number().int().nonnegative().transform(String), z.string().regex(/^[A-Za-z0-9_-]{1,80}$/, 'must be 1–80 of A–Z a–z 0–9 _ -')]),
  product: z.enum(FREEE_PRODUCTS),
  type: z.string().regex(/^[a-z0-9_.]{1,60}$/, 'must be 1–60 of a–z 0–9 _ .'),
  company_id: numericId,
  user_ids: z.array(numericId).min(1).max(1000),
  title: wellFormedText(300, 1),
  url: freeeUrl,
  occurred_at: isoInstant(),
});

export type FreeeProductEventPayload = z.infer<typeof freeeProductEventSchema>;

export function toProductEvent(p: FreeeProductEventPayload): ProductEvent {
  return {
    kind: 'product',
    // Namespaced by product so product event IDs never collide with freee webhook IDs.
    eventId: `${p.product}-${p.id}`,
    product: p.product,
    type: p.type,
    companyId: p.company_id,
    recipientFreeeUserIds: [...new Set(p.user_ids)],
    title: p.title,
    url: p.url,
    createdAt: p.occurred_at,
  };
}
