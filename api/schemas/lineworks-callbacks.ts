// LINE WORKS callback bodies renkei acts on: the bot's postback/message/begin events (A.4) and the
// app lifecycle event sent when an admin removes the app.
import { z } from 'zod';
import { wellFormedId } from '../edge/zod-fields';

const domainId = z.union([z.number().int().nonnegative(), z.string().regex(/^[A-Za-z0-9._-]{1,64}$/)]).transform(String);
const source = z.looseObject({ userId: wellFormedId(200), domainId });

/** Events from a 1:1 room with the bot: they name the user, and renkei may act on them. */
export const botUserCallbackSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('postback'), source, data: z.string().max(300) }),
  z.looseObject({ type: z.literal('message'), source, content: z.looseObject({ type: z.string(), text: z.string().optional(), postback: z.string().optional() }) }),
  z.looseObject({ type: z.literal('begin'), source }),
]);

/** Room membership events: the source names a channel, not a user (`join`/`leave` carry
 * `source.channelId`, `joined`/`left` carry `members[]`); renkei has nothing to do with them. */
const roomSource = z.looseObject({ channelId: z.string().max(200).optional(), userId: z.string().max(200).optional(), domainId: domainId.optional() });
export const botRoomCallbackSchema = z.looseObject({ type: z.enum(['join', 'leave', 'joined', 'left']), source: roomSource.optional() });

export const botCallbackSchema = z.union([botUserCallbackSchema, botRoomCallbackSchema]);
export const BOT_USER_CALLBACK_TYPES: readonly string[] = ['postback', 'message', 'begin'];
export type BotCallback = z.infer<typeof botCallbackSchema>;
export type BotUserCallback = z.infer<typeof botUserCallbackSchema>;

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
