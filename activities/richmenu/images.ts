// The rich-menu images renkei uploads to LINE WORKS: the PNGs under assets/richmenu/ at the package
// root, drawn from the menus' faces by scripts/render-rich-menu-images.ts (each panel carries its
// button's words, as a phone shows them). Read once when the activities are made, so a worker
// without them stops at its start rather than at a tenant's first link. The package root is found
// by walking up to package.json: activities/richmenu/ in the sources, dist/activities/richmenu/
// when compiled.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { MenuKind } from '../../common/links/postbacks';
import { imageFileName, type MenuWithFaces } from './menus';

export function richMenuAssetsDir(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}: cannot find assets/richmenu/`);
    dir = parent;
  }
  return path.join(dir, 'assets', 'richmenu');
}

/** Each menu's image, read from assets/richmenu/. */
export function loadRichMenuImages(menus: Record<MenuKind, MenuWithFaces>, dir: string = richMenuAssetsDir()): Record<MenuKind, Buffer> {
  const images = {} as Record<MenuKind, Buffer>;
  for (const kind of Object.keys(menus) as MenuKind[]) images[kind] = readFileSync(path.join(dir, imageFileName(menus[kind].definition)));
  return images;
}

/** One name for a set of images: a tenant whose menus carry another set gets these on its next switch. */
export function richMenuImagesVersion(images: Record<MenuKind, Buffer>): string {
  const hash = createHash('sha256');
  for (const kind of (Object.keys(images) as MenuKind[]).sort()) hash.update(kind).update(images[kind]);
  return hash.digest('hex').slice(0, 16);
}
