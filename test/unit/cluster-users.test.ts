// The shared PostgreSQL cluster of the production-shaped stacks (scripts/services/cluster-users.ts):
// a stack stopping must not stop the cluster under another stack still using it; the last one out
// stops it if one of them started it; a cluster that ran before any of them is left running; a
// user whose process died no longer counts. The server here is a stand-in with a running flag
// (pg_ctlcluster on the machine's cluster would stop it under whoever uses it).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { useSharedServer, type ServerControl } from '../../scripts/services/cluster-users';

function server(running: boolean): ServerControl & { running: boolean; starts: number; stops: number } {
  const s = {
    running,
    starts: 0,
    stops: 0,
    isRunning: () => Promise.resolve(s.running),
    start: () => {
      s.starts += 1;
      s.running = true;
      return Promise.resolve();
    },
    stop: () => {
      s.stops += 1;
      s.running = false;
      return Promise.resolve();
    },
  };
  return s;
}

describe('a cluster shared by the production-shaped stacks', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renkei-cluster-users-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('stays up while another stack uses it; the last one out stops the cluster a stack started', async () => {
    const pg = server(false);
    const first = await useSharedServer(dir, pg);
    const second = await useSharedServer(dir, pg);
    assert.equal(pg.starts, 1, 'started once, by the first');
    await first.leave();
    assert.equal(pg.running, true, 'the second still uses it');
    await first.leave();
    assert.equal(pg.running, true, 'leaving twice counts once');
    await second.leave();
    assert.equal(pg.running, false);
    assert.equal(pg.stops, 1);
  });

  it('the one that started it leaving last or first makes no difference', async () => {
    const pg = server(false);
    const starter = await useSharedServer(dir, pg);
    const joiner = await useSharedServer(dir, pg);
    await joiner.leave();
    assert.equal(pg.running, true);
    await starter.leave();
    assert.equal(pg.running, false);
  });

  it('a cluster running before any stack is never stopped by them', async () => {
    const pg = server(true);
    const a = await useSharedServer(dir, pg);
    const b = await useSharedServer(dir, pg);
    await b.leave();
    await a.leave();
    assert.deepEqual({ starts: pg.starts, stops: pg.stops, running: pg.running }, { starts: 0, stops: 0, running: true });
  });

  it('a user whose process died does not keep the cluster up, nor does a lock it left', async () => {
    const pg = server(false);
    const a = await useSharedServer(dir, pg);
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    fs.writeFileSync(path.join(dir, 'users', `${dead}-gone`), String(dead));
    fs.mkdirSync(path.join(dir, 'lock'));
    fs.writeFileSync(path.join(dir, 'lock', 'owner'), String(dead));
    await a.leave();
    assert.equal(pg.running, false);
    assert.deepEqual(fs.readdirSync(path.join(dir, 'users')), []);
  });

  it('a lock whose owner file was never written is taken over once it is a few seconds old, not before', async () => {
    const pg = server(false);
    const lock = path.join(dir, 'lock');
    fs.mkdirSync(lock);
    fs.writeFileSync(path.join(lock, 'owner'), ''); // its maker died before naming itself
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(lock, old, old);
    const use = await useSharedServer(dir, pg);
    assert.equal(pg.running, true);

    // A lock just made, its owner file not written yet, is waited for.
    fs.mkdirSync(lock);
    let joined = false;
    const joining = useSharedServer(dir, pg).then((u) => {
      joined = true;
      return u;
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(joined, false, 'waits for the lock being made');
    fs.rmSync(lock, { recursive: true });
    await (await joining).leave();
    await use.leave();
    assert.equal(pg.running, false);
  });

  it('many stacks starting at once start it once', async () => {
    const pg = server(false);
    const uses = await Promise.all([1, 2, 3, 4].map(() => useSharedServer(dir, pg)));
    assert.equal(pg.starts, 1);
    for (const u of uses.slice(0, 3)) await u.leave();
    assert.equal(pg.running, true);
    await uses[3]?.leave();
    assert.equal(pg.stops, 1);
  });
});
