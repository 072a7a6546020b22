// The embedded stack's data directory is private: what an earlier start left there becomes 0700 /
// 0600, and what this process and the servers it starts write afterwards is private too.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { preparePrivateDataDir } from '../../scripts/lib/private-data-dir';
import { loadOrCreateDevSecrets } from '../../scripts/lib/dev-secrets';
import { startServerProcess } from '../../scripts/services/child-process';

const modeOf = (p: string): number => fs.statSync(p).mode & 0o777;

describe('the data directory is private', () => {
  let root: string;
  let umask: number;
  beforeEach(() => {
    umask = process.umask(0o022);
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'renkei-data-'));
  });
  afterEach(() => {
    process.umask(umask);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('tightens what an earlier start left: directories 0700, files 0600', () => {
    const data = path.join(root, '.renkei-data');
    fs.mkdirSync(path.join(data, 'temporal'), { recursive: true, mode: 0o755 });
    fs.writeFileSync(path.join(data, 'secrets.json'), '{}', { mode: 0o644 });
    fs.writeFileSync(path.join(data, 'temporal', 'temporal.db'), '', { mode: 0o644 });
    preparePrivateDataDir(data);
    assert.equal(modeOf(data), 0o700);
    assert.equal(modeOf(path.join(data, 'temporal')), 0o700);
    assert.equal(modeOf(path.join(data, 'secrets.json')), 0o600);
    assert.equal(modeOf(path.join(data, 'temporal', 'temporal.db')), 0o600);
  });

  it('makes what this process and its children create afterwards private (umask 077)', () => {
    const data = path.join(root, 'fresh', '.renkei-data');
    preparePrivateDataDir(data);
    assert.equal(modeOf(data), 0o700);
    loadOrCreateDevSecrets(data);
    assert.equal(modeOf(path.join(data, 'secrets.json')), 0o600);
    // A child writes with the default modes (0666 files, 0777 directories), as Temporal and FerretDB do.
    execFileSync(process.execPath, ['-e', 'const fs=require("fs");fs.mkdirSync(process.argv[1]);fs.writeFileSync(process.argv[2],"x")', path.join(data, 'mongo'), path.join(data, 'mongo.db')]);
    assert.equal(modeOf(path.join(data, 'mongo')), 0o700);
    assert.equal(modeOf(path.join(data, 'mongo.db')), 0o600);
  });

  it('opens a server process’s log 0600 in a 0700 directory whatever the umask', async () => {
    const log = path.join(root, 'logs', 'api.log');
    const server = await startServerProcess(process.execPath, ['-e', 'console.log("up")'], log);
    await server.stop();
    assert.equal(modeOf(path.dirname(log)), 0o700);
    assert.equal(modeOf(log), 0o600);
  });
});
