// Whether the SDKs can download their own binaries: a quick HTTPS probe of Temporal's download
// host. Any HTTP answer counts as reachable; DNS failure, refusal or 3 s of silence do not.
import https from 'node:https';

const PROBE_HOST = 'temporal.download';
const PROBE_TIMEOUT_MS = 3000;

let probe: Promise<boolean> | undefined;

/** Probes once per process and remembers the answer. */
export function internetReachable(): Promise<boolean> {
  probe ??= probeOnce();
  return probe;
}

function probeOnce(): Promise<boolean> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (reachable: boolean): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve(reachable);
    };
    const req = https.request({ host: PROBE_HOST, path: '/', method: 'HEAD' }, (res) => {
      res.resume();
      finish(true);
    });
    const timer = setTimeout(() => finish(false), PROBE_TIMEOUT_MS);
    req.on('error', () => finish(false));
    req.end();
  });
}
