// Local services start on ports the OS says are free; another process may bind one first. The
// start is then tried again on another port instead of failing the run.
import { strict as assert } from 'node:assert';
import net from 'node:net';
import { assertPortFree, onFreePort, PortInUseError } from '../../scripts/services/ports';

const listen = (port: number): Promise<net.Server> =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen({ port, host: '127.0.0.1' }, () => resolve(server));
  });
const close = (server: net.Server): Promise<void> => new Promise((resolve) => server.close(() => resolve()));

describe('starting a local service on a free port', () => {
  it('chooses another port when the first is taken before the service binds it', async () => {
    const taken: net.Server[] = [];
    const tried: number[] = [];
    try {
      const service = await onFreePort(async (port) => {
        tried.push(port);
        if (tried.length === 1) taken.push(await listen(port)); // somebody else got there first
        await assertPortFree(port, 'the service');
        return listen(port);
      });
      const address = service.address();
      assert.deepEqual(typeof address === 'object' && address ? address.port : undefined, tried[1]);
      assert.equal(tried.length, 2);
      assert.notEqual(tried[0], tried[1]);
      await close(service);
    } finally {
      await Promise.all(taken.map(close));
    }
  });

  it('gives up after its attempts, with the clash named', async () => {
    let calls = 0;
    await assert.rejects(
      onFreePort((port) => {
        calls++;
        return Promise.reject(new PortInUseError(port, 'the service', 'SERVICE_PORT'));
      }, 3),
      (err: unknown) => err instanceof PortInUseError && /SERVICE_PORT/.test(err.message),
    );
    assert.equal(calls, 3);
  });

  it('does not retry other failures', async () => {
    let calls = 0;
    await assert.rejects(
      onFreePort(() => {
        calls++;
        return Promise.reject(new Error('the binary is missing'));
      }),
      /the binary is missing/,
    );
    assert.equal(calls, 1);
  });
});
