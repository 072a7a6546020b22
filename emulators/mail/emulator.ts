// The mail sink's web side as an emulator on the shared harness (so it has reset, recorded
// requests and HTTP faults like the others): the inbox pages and the message control routes. The
// SMTP side (smtp-listener.ts) writes into the same state.

import { defineEmulator, type EmulatorDefinition } from '../harness/definition';
import { createMailControlRouter } from './control';
import { createInboxRouter } from './inbox-route';
import { MailSinkState } from './state';

const errorBody = (status: number, message?: string) => ({ error: { code: status >= 500 ? 'INTERNAL_ERROR' : 'ERROR', message: message ?? `HTTP ${status}` } });

export function createMailEmulator(state: MailSinkState = new MailSinkState()): EmulatorDefinition {
  return defineEmulator({ name: 'mail', routes: createInboxRouter(state), control: createMailControlRouter(state), state, errorBody });
}
