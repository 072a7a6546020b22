// The partner ↔ LINE link (`line-link:{partnerId}`) as plain JSON shared by the API, the workflow
// and its clients: link state, the link request from the LINE Login callback, and the signals
// from the LINE webhook (friend / block) and from deliveries (LINE refused the partner's tokens).

export type LineLinkStatus = 'new' | 'linked' | 'unlinked';

/** Why a link ended: 連動の解除 in LINE (found when LINE refuses the tokens). */
export type LineUnlinkReason = 'app_unlinked';

export interface LineLinkState {
  partnerId: string;
  companyId?: string;
  status: LineLinkStatus;
  lineUserId?: string;
  linkedAt?: string;
  unlinkedAt?: string;
  unlinkReason?: LineUnlinkReason;
  /** Friend of the Official Account (follow) and not blocking it (unfollow). */
  friend: boolean;
  blocked: boolean;
  /** Timestamp (ms) of the last friendship event applied; older ones arriving late are ignored. */
  friendshipAt?: number;
  /** How many times this partner linked; names the 友だち登録完了 notification of each link. */
  linkCount: number;
  seenDeliveryIds: string[];
  /** Notifications whose delivery failed (key and why), shown to operators; the last few. */
  deliveryErrors?: { key: string; error: string; at: string }[];
}

export interface LinkLineInput {
  companyId: string;
  lineUserId: string;
  /** The partner's e-mail in the platform. */
  partnerEmail: string;
  /** The e-mail in LINE's verified ID token, null when LINE gave none. */
  lineEmail: string | null;
  /** Friendship status from LINE at login time. */
  friend: boolean;
}

export interface LinkLineResult {
  status: 'linked';
  lineUserId: string;
  alreadyLinked: boolean;
}

export interface FriendshipSignal {
  /** The webhook's webhookEventId. */
  deliveryId: string;
  lineUserId: string;
  event: 'follow' | 'unfollow';
  isUnblocked?: boolean;
  /** The webhook event's timestamp (ms). */
  timestamp: number;
}

export interface LineTokensRefusedSignal {
  deliveryId: string;
  lineUserId: string;
}
