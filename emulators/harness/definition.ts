// What a provider emulator plugs into the shared harness: its real routes, its own control routes,
// its reset and its error shapes. One definition per provider (lineworks/, freee/, ...).

import type { Router } from 'express';
import type { FaultBodyFor } from './faults';

export interface EmulatorDefinition {
  /** Short name used in logs ("lineworks", "freee"). */
  name: string;
  /** The provider's real contract, mounted at '/'. */
  routes: Router;
  /** Provider-specific control routes, mounted under /_emulator next to the shared ones. */
  control: Router;
  /** Clears the provider's seeded and recorded state (called by POST /_emulator/reset). */
  reset(): void;
  /** Error body for an injected fault that names none. */
  faultBody: FaultBodyFor;
  /** Error body for a malformed body, an unknown route or an unexpected failure. */
  errorBody(status: number, description: string): unknown;
}

/** What a provider hands `defineEmulator`: the same error-body function serves faults and failures. */
export interface EmulatorParts {
  name: string;
  routes: Router;
  control: Router;
  /** The provider's state; `reset()` clears it. */
  state: { reset(): void };
  /** The provider's error body for a status, with the description when there is one. */
  errorBody: (status: number, description?: string) => unknown;
}

/** The definition of an emulator whose injected faults answer the provider's own error body. */
export function defineEmulator(parts: EmulatorParts): EmulatorDefinition {
  const { name, routes, control, state, errorBody } = parts;
  return {
    name,
    routes,
    control,
    reset: () => state.reset(),
    faultBody: (status) => errorBody(status),
    errorBody: (status, description) => errorBody(status, description),
  };
}
