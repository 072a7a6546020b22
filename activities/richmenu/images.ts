// The rich-menu images renkei uploads to LINE WORKS: the PNGs under assets/richmenu/ at the package
// root, drawn from the menus' faces by scripts/render-rich-menu-images.ts (each panel carries its
// button's words, as a phone shows them). Read once when the activities are made, so a worker
// without them stops at its start rather than at a tenant's first link. The package root is found
// by walking up to package.json: activities/richmenu/ in the sources, dist/activities/richmenu/
// when compiled.
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
