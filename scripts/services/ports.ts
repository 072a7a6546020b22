// Port checks before starting a local service, so a clash is reported as "port X is taken"
// rather than as a server's obscure bind failure, and free ports for tests.
import net from 'node:net';
import { PortInUseError } from '../../common/port-in-use-error';

export { PortInUseError } from '../../common/port-in-use-error';

/** Throws PortInUseError unless `port` can be bound on every local address. */
export async function assertPortFree(port: number, what: string, envVar?: string): Promise<void> {
  if (!(await canListen(port))) throw new PortInUseError(port, what, envVar);
}

/** A port the OS says is free right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1' }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('the OS did not assign a port'))));
    });
  });
}

/**
 * Starts a service on a port the OS says is free, choosing another when a process started at the
 * same time takes it first (a free port is only free until somebody binds it): `start` throws
 * PortInUseError then, and is tried again, `attempts` times at most.
 */
export async function onFreePort<T>(start: (port: number) => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start(await freePort());
    } catch (err) {
      if (!(err instanceof PortInUseError) || attempt >= attempts) throw err;
    }
  }
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(false));
    // No host: the wildcard address, which clashes with a listener on any local address.
    server.listen({ port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}
