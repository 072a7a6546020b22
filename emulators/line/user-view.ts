// A LINE user as the control routes show it: profile, friendship with the Official Account
// (friend, blocked, friendFlag), the LINE Login consents and the linked rich menu.

import type { Consent } from './consents';
import { isReachable, type LineState, type LineUser } from './state';

export interface LineUserView {
  userId: string;
  displayName: string;
  email: string | null;
  friend: boolean;
  blocked: boolean;
  /** What `/friendship/v1/status` answers: friend and not blocking. */
  friendFlag: boolean;
  consents: Consent[];
  richMenuId: string | null;
}

export function lineUserView(state: LineState, user: LineUser): LineUserView {
  return {
    userId: user.userId,
    displayName: user.displayName,
    email: user.email,
    friend: user.friend,
    blocked: user.blocked,
    friendFlag: isReachable(user),
    consents: state.consents.list({ userId: user.userId }),
    richMenuId: state.richMenus.forUser(user.userId)?.richMenuId ?? null,
  };
}
