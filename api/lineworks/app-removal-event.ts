// What an app.uninstalled event from LINE WORKS may do, decided before it reaches the tenant link:
// an event ID acts once ever (a ledger in Mongo outlives the link's workflow runs, so a redelivery
// or a replay after the tenant was linked again is a duplicate), and only on the installation it
// names when it is newer than that installation (common/links/removal-check.ts). LINE WORKS signs
// no timestamp, so these are what keep a captured, validly signed event from acting again.
import { TenantLink } from '../../models/tenant-link';
import { WebhookEvent } from '../../models/webhook-event';
import { removalRefusal, type RemovalRefusal } from '../../common/links/removal-check';
import { isDuplicateKey } from '../../models/mongo-errors';

/** Long enough that a redelivery is always caught; a replay after it is refused by the installation check. */
const LEDGER_DAYS = 400;

export interface AppUninstalledEvent {
  eventId: string;
  domainId: string;
  installationId: string;
  time: string;
}

export type RemovalDecision = { act: true; release: () => Promise<void>; settle: (outcome: string) => Promise<void> } | { act: false; outcome: RemovalRefusal | 'duplicate' | 'not_linked' };

const ledgerId = (eventId: string): string => `lineworks-app:${eventId}`;

/**
 * Claims the event when it may act: the caller signals the tenant link, then `settle`s the claim,
 * or `release`s it when the signal could not be sent (so that LINE WORKS's retry is handled).
 */
export async function decideAppRemoval(event: AppUninstalledEvent): Promise<RemovalDecision> {
  if (await WebhookEvent.exists({ _id: ledgerId(event.eventId) })) return { act: false, outcome: 'duplicate' };
  const link = await TenantLink.findById(event.domainId, { installationId: 1, installedAt: 1, status: 1 }).lean();
  if (!link) return { act: false, outcome: 'not_linked' };
  const refusal = removalRefusal(link, { installationId: event.installationId, eventTime: event.time });
  if (refusal !== undefined) return { act: false, outcome: refusal };
  try {
    await WebhookEvent.create({ _id: ledgerId(event.eventId), source: 'lineworks', type: 'app.uninstalled', outcome: 'processing', expiresAt: new Date(Date.now() + LEDGER_DAYS * 86_400_000) });
  } catch (err) {
    if (isDuplicateKey(err)) return { act: false, outcome: 'duplicate' };
    throw err;
  }
  return {
    act: true,
    release: async () => {
      await WebhookEvent.deleteOne({ _id: ledgerId(event.eventId) });
    },
    settle: async (outcome) => {
      await WebhookEvent.updateOne({ _id: ledgerId(event.eventId) }, { $set: { outcome } });
    },
  };
}
