// Starts an emulator app as a real HTTP server on loopback and stops it without waiting for
// idle keep-alive connections.

import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { createEmulatorApp } from './app';
import type { EmulatorDefinition } from './definition';

export interface RunningEmulator {
  name: string;
  /** Base URL, e.g. http://127.0.0.1:4011 (no trailing slash). */
  url: string;
  port: number;
  stop(): Promise<void>;
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

export async function startEmulatorServer(
  definition: EmulatorDefinition,
  options: { host: string; port: number; logger: Logger },
): Promise<RunningEmulator> {
  const logger = options.logger.child({ emulator: definition.name });
  const { app, faults } = createEmulatorApp(definition, logger);
  const server = createServer(app);
  server.listen(options.port, options.host);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const url = `http://${urlHost(options.host)}:${port}`;
  logger.info({ url }, `${definition.name} emulator listening`);

  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= new Promise<void>((resolve, reject) => {
      faults.dispose();
      server.close((error) => (error === undefined ? resolve() : reject(error)));
      server.closeAllConnections();
    }).then(() => logger.info(`${definition.name} emulator stopped`));
    return stopped;
  };
  return { name: definition.name, url, port, stop };
}
