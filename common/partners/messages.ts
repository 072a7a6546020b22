// Message definitions of the partner LINE-link workflow, shared by the workflow and its clients
// (the LINE Login callback, the LINE webhook, the delivery activities, tests).
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { FriendshipSignal, LineLinkState, LineTokensRefusedSignal, LinkLineInput, LinkLineResult } from './types';

export const linkLineUpdate = defineUpdate<LinkLineResult, [LinkLineInput]>('link-line');
export const friendshipSignal = defineSignal<[FriendshipSignal]>('line-friendship');
export const lineTokensRefusedSignal = defineSignal<[LineTokensRefusedSignal]>('line-tokens-refused');
export const lineLinkStatusQuery = defineQuery<LineLinkState>('status');
