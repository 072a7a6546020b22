// Tells a stored notification kind that renkei knows (it has words for it in every language) from
// any other string found in the in-app collection.
import { PARTNER_NOTIFICATION_KINDS, type PartnerNotificationKind } from '../../common/partners/notifications';

export const isPartnerNotificationKind = (kind: string): kind is PartnerNotificationKind => (PARTNER_NOTIFICATION_KINDS as readonly string[]).includes(kind);
