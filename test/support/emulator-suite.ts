// For a describe block of emulator tests: starts the emulators once (random ports) and stops them
// after, and gives the tests one provider's base URL and control client. Each test still resets
// and seeds what it needs (its own beforeEach).
import { strict as assert } from 'node:assert';
import { EmulatorControl, startEmulators, type RunningEmulators } from '../../emulators';

export interface EmulatorSuite {
  readonly emulators: RunningEmulators;
  /** The provider's base URL. */
  readonly base: string;
  readonly control: EmulatorControl;
}

export function useEmulators(provider: 'lineworks' | 'freee'): EmulatorSuite {
  let running: { emulators: RunningEmulators; control: EmulatorControl } | undefined;
  const started = (): { emulators: RunningEmulators; control: EmulatorControl } => {
    assert.ok(running, 'the emulators are not started');
    return running;
  };
  before(async () => {
    const emulators = await startEmulators();
    running = { emulators, control: new EmulatorControl(emulators.urls[provider]) };
  });
  after(async () => {
    await running?.emulators.stop();
  });
  return {
    get emulators() {
      return started().emulators;
    },
    get base() {
      return started().emulators.urls[provider];
    },
    get control() {
      return started().control;
    },
  };
}
