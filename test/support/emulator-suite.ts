// For a describe block of emulator tests: starts the emulators once (random ports) and stops them
// after, and gives the tests one provider's base URL and control client. Each test still resets
// and seeds what it needs (its own beforeEach).
import { strict as assert } from 'node:assert';
import { EmulatorControl, startEmulators, type RunningEmulators } from '../../emulators';
import { silentLogger } from '../../emulators/harness/logger';
import { startEmulatorServer, type RunningEmulator } from '../../emulators/harness/server';
import { LansmartControl, createLansmartEmulator } from '../../emulators/lansmart';

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

export interface LansmartSuite {
  /** The platform emulator's base URL. */
  readonly url: string;
  readonly control: LansmartControl;
}

/**
 * For a describe block of Lansmart platform tests: the platform emulator alone, started once (a
 * random port) and stopped after, reset before each test (the test's own beforeEach then seeds it).
 */
export function useLansmartEmulator(): LansmartSuite {
  let running: { emulator: RunningEmulator; control: LansmartControl } | undefined;
  const started = (): { emulator: RunningEmulator; control: LansmartControl } => {
    assert.ok(running, 'the Lansmart emulator is not started');
    return running;
  };
  before(async () => {
    const emulator = await startEmulatorServer(createLansmartEmulator(), { host: '127.0.0.1', port: 0, logger: silentLogger() });
    running = { emulator, control: new LansmartControl(emulator.url) };
  });
  after(async () => {
    await running?.emulator.stop();
  });
  beforeEach(async () => {
    await fetch(`${started().emulator.url}/_emulator/reset`, { method: 'POST' });
  });
  return {
    get url() {
      return started().emulator.url;
    },
    get control() {
      return started().control;
    },
  };
}
