// The workflow bundle of the test suites, kept between runs in node_modules/.cache: webpack takes
// seconds of CPU per suite, and the bundle only changes when one of its sources does. A kept
// bundle is used only while every source file it was built from (read from its inline source map)
// has the same content, and the lock file and bundle options are the same; otherwise it is rebuilt.
import { bundleWorkflowCode, type BundleOptions, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

const ROOT = resolve(__dirname, '../..');
const CACHE_DIR = join(ROOT, 'node_modules/.cache/renkei-workflow-bundle');

const quiet = (): void => undefined;
const silent = { trace: quiet, debug: quiet, info: quiet, warn: quiet, error: quiet, log: quiet };

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

const Manifest = z.object({ inputs: z.record(z.string(), z.string()) });

/** The files webpack read, as named by the bundle's inline source map (absolute paths only). */
function bundleInputs(code: string): string[] {
  const marker = 'sourceMappingURL=data:application/json;charset=utf-8;base64,';
  const at = code.lastIndexOf(marker);
  if (at < 0) return [];
  const map = z.object({ sources: z.array(z.string()) }).parse(JSON.parse(Buffer.from(code.slice(at + marker.length).trim(), 'base64').toString('utf8')));
  return map.sources.filter((s) => s.startsWith('/') && existsSync(s));
}

const unchanged = (inputs: Record<string, string>): boolean =>
  Object.entries(inputs).every(([path, hash]) => existsSync(path) && sha256(readFileSync(path)) === hash);

/** bundleWorkflowCode, answered from the cache while none of the bundle's sources changed. */
export async function cachedWorkflowBundle(options: Omit<BundleOptions, 'logger'>): Promise<WorkflowBundleWithSourceMap> {
  const key = sha256(JSON.stringify({ options, lock: sha256(readFileSync(join(ROOT, 'package-lock.json'))), node: process.version }));
  const codeFile = join(CACHE_DIR, `${key}.js`);
  const manifestFile = join(CACHE_DIR, `${key}.json`);
  if (existsSync(codeFile) && existsSync(manifestFile)) {
    const manifest = Manifest.safeParse(JSON.parse(readFileSync(manifestFile, 'utf8')));
    if (manifest.success && Object.keys(manifest.data.inputs).length > 0 && unchanged(manifest.data.inputs)) {
      return { code: readFileSync(codeFile, 'utf8'), sourceMap: 'deprecated: this is no longer in use' };
    }
  }
  const bundle = await bundleWorkflowCode({ ...options, logger: silent });
  const inputs = Object.fromEntries(bundleInputs(bundle.code).map((path) => [path, sha256(readFileSync(path))]));
  // Written under temporary names then renamed, so a suite running at the same time never reads half a file.
  mkdirSync(CACHE_DIR, { recursive: true });
  const tmp = `.${process.pid}.tmp`;
  writeFileSync(codeFile + tmp, bundle.code);
  writeFileSync(manifestFile + tmp, JSON.stringify({ inputs }));
  renameSync(codeFile + tmp, codeFile);
  renameSync(manifestFile + tmp, manifestFile);
  return bundle;
}
