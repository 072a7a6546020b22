// Tenant links that were running before the removal probe existed keep replaying: a history in
// which a refused token only asked for re-authorisation (then the admin re-authorised) replays
// without a nondeterminism error on today's workflow code (the probe is behind a patch marker).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { stack } from '../support/stack';

const history = (name: string) =>
  temporal.api.history.v1.History.fromObject(JSON.parse(readFileSync(join(__dirname, 'histories', name), 'utf8')) as Record<string, unknown>);

describe('tenant link histories of earlier versions', () => {
  it('replays a token refusal recorded before the removal probe', async () => {
    await Worker.runReplayHistory({ workflowBundle: stack().bundle, replayName: 'tenant-link-token-refused-v1' }, history('tenant-link-token-refused-v1.json'));
  });
});
