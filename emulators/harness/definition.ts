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
