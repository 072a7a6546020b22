// Logs are JSON and never carry a secret, whatever a caller passes in.
import { strict as assert } from 'node:assert';
import { createLogger } from '../../observability/logger';

describe('structured logs', () => {
  it('writes JSON lines and redacts tokens, keys and verification headers', () => {
    const lines: string[] = [];
    const log = createLogger('test', 'info', { write: (l: string) => lines.push(l) });
    log.info(
      {
        req: { id: 'r-1', headers: { 'x-freee-token': 'freee-secret', authorization: 'Bearer at-secret', 'x-works-signature': 'sig-secret' } },
        token: { accessToken: 'at-secret-2', refresh_token: 'rt-secret' },
        app: { clientSecret: 'cs-secret', privateKey: 'pk-secret' },
      },
      'incoming',
    );
    assert.equal(lines.length, 1);
    const line = lines[0] ?? '';
    const entry = JSON.parse(line) as { msg: string; service: string; req: { id: string } };
    assert.equal(entry.msg, 'incoming');
    assert.equal(entry.service, 'test');
    assert.equal(entry.req.id, 'r-1');
    for (const secret of ['freee-secret', 'at-secret', 'sig-secret', 'at-secret-2', 'rt-secret', 'cs-secret', 'pk-secret']) {
      assert.ok(!line.includes(secret), `${secret} leaked into the log line`);
    }
  });
});
