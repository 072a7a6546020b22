// Every `docs/…` file a source comment cites is in the repository, with the section it names: a
// clone can follow each citation: a Markdown file under docs/, optionally with an `#anchor` of one
// of its headings or, for the design, a `§n` section number.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..', '..');
const skipped = new Set(['node_modules', 'dist', '.renkei-data', '.git']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (skipped.has(e.name)) return [];
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.(ts|mjs)$/.test(e.name) ? [path] : [];
  });
}

/** The anchor a Markdown heading gets (lower case, punctuation dropped, spaces to hyphens). */
const slug = (heading: string): string =>
  heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');

function headings(file: string): string[] {
  return readFileSync(file, 'utf8').split('\n').filter((l) => /^#{1,6} /.test(l)).map((l) => l.replace(/^#+ /, ''));
}

const citation = /\bdocs\/[\w./-]+\.md(?:#[\w-]+|\s§\d+)?/g;

describe('citations of docs/ in source comments', () => {
  const cited = sourceFiles(root).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(citation)].map((m) => ({ at: relative(root, file), ref: m[0] })),
  );

  it('recognises each form of citation', () => {
    const sample = '(docs/design.md §4, docs/providers/line-works.md#rich-menus, docs/flows/lansmart-line.md)';
    assert.deepEqual([...sample.matchAll(citation)].map((m) => m[0]), ['docs/design.md §4', 'docs/providers/line-works.md#rich-menus', 'docs/flows/lansmart-line.md']);
  });

  it('cites only files and sections that exist', () => {
    const broken = cited.filter(({ ref }) => {
      const [path = '', anchor] = ref.split(/#|\s§/);
      const file = join(root, path);
      if (!existsSync(file)) return true;
      if (anchor === undefined) return false;
      const hs = headings(file);
      return ref.includes('§') ? !hs.some((h) => h.startsWith(`${anchor}. `)) : !hs.map(slug).includes(anchor);
    });
    assert.deepEqual(broken, []);
  });
});
