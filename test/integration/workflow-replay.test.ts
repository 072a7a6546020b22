// Workflows that were running before a control-flow change keep replaying: every recorded history
// in histories/ (`<type>-<scenario>-v<n>.json`, recorded from real runs of an earlier version of
// the workflow code, see README "Recording a history") replays without a nondeterminism error on
// today's workflow code, whose changes are behind patch markers.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strict as assert } from 'node:assert';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { stack } from '../support/stack';

const dir = join(__dirname, 'histories');
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

const history = (name: string) => temporal.api.history.v1.History.fromObject(JSON.parse(readFileSync(join(dir, name), 'utf8')) as Record<string, unknown>);

describe('recorded workflow histories of earlier versions', () => {
  it('has a history for every workflow type', () => {
    const types = new Set(files.map((f) => /^(.*?)-[a-z0-9-]+-v\d+\.json$/.exec(f)?.[1]));
    for (const type of ['tenant-link', 'employee-link', 'cascade-unlink', 'notify-freee-event', 'line-link', 'order-lifecycle', 'richmenu-provision', 'richmenu-switch']) {
      assert.ok(
        files.some((f) => f.startsWith(`${type}-`)),
        `no recorded history of ${type} (have: ${[...types].join(', ')})`,
      );
    }
  });

  it('replays every one on today’s workflow code', async () => {
    const results = Worker.runReplayHistories(
      { workflowBundle: stack().bundle },
      files.map((f) => ({ workflowId: f.replace(/\.json$/, ''), history: history(f) })),
    );
    const failed: string[] = [];
    let replayed = 0;
    for await (const result of results) {
      replayed += 1;
      if (result.error) failed.push(`${result.workflowId}: ${String(result.error)}`);
    }
    assert.equal(replayed, files.length);
    assert.deepEqual(failed, []);
  });
});
