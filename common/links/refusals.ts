// A refused link attempt (e.g. "linked elsewhere") is answered by the update's validator, which
// leaves no trace in the workflow's history. The API then tells the link workflow with this
// signal, which the history keeps and the workflow turns into the `LinkRefusal` search attribute,
// so an operator finds and reads the refusal in the Web UI (docs/design.md §2 "Operators").
import { defineSignal } from '@temporalio/workflow';
import { ErrorType } from '../errors';

export interface LinkRefusedSignal {
  /** The refusal's ApplicationFailure type. */
  type: string;
  /** When the API answered the refusal (ISO 8601). */
  at: string;
}

export const linkRefusedSignal = defineSignal<[LinkRefusedSignal]>('link-refused');

/** Histories in which a refused link attempt is recorded as the `LinkRefusal` search attribute. */
export const LINK_REFUSAL_PATCH = 'record-link-refusals';

/** The refusals a link workflow records. */
export const RECORDED_LINK_REFUSALS: readonly string[] = [
  ErrorType.ALREADY_LINKED,
  ErrorType.ACCOUNT_IN_USE,
  ErrorType.TENANT_LINKED_ELSEWHERE,
  ErrorType.BUSINESS_MISMATCH,
  ErrorType.PARTNER_LINKED_ELSEWHERE,
  ErrorType.LINE_ACCOUNT_IN_USE,
  ErrorType.EMAIL_MISMATCH,
  ErrorType.EMAIL_MISSING,
];
