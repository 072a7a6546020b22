// LINE WORKS callback bodies renkei acts on: the bot's postback/message/begin events (A.4) and the
// app lifecycle event sent when an admin removes the app.
import { z } from 'zod';
import { wellFormedId } from '../edge/zod-fields';

const domainId = z.union([z.number().int().nonnegative(), z.string().regex(/^[A-Za-z0-9._-]{1,64}$/)]).transform(String);
const source = z.looseObject({ userId: wellFormedId(200), domainId });

export const botCallbackSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('postback'), source, data: z.string().max(300) }),
  z.looseObject({ type: z.literal('message'), source, content: z.looseObject({ type: z.string(), text: z.string().optional(), postback: z.string().optional() }) }),
  z.looseObject({ type: z.literal('begin'), source }),
  z.looseObject({ type: z.literal('leave'), source }),
  z.looseObject({ type: z.literal('join'), source }),
  z.looseObject({ type: z.literal('joined'), source }),
  z.looseObject({ type: z.literal('left'), source }),
]);
export type BotCallback = z.infer<typeof botCallbackSchema>;

export const appLifecycleSchema = z.looseObject({
  type: z.string().min(1).max(100),
  eventId: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/),
  domainId,
  clientId: wellFormedId(200),
  installationId: wellFormedId(200).optional(),
  time: z.string().max(64).optional(),
});

/** `app.uninstalled` names the installation removed and when: both are needed to refuse a replay. */
export const appUninstalledSchema = z.looseObject({
  type: z.literal('app.uninstalled'),
  eventId: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/),
  domainId,
  clientId: z.string().min(1),
  installationId: z.string().min(1).max(100),
  time: z.iso.datetime({ offset: true }),
});
