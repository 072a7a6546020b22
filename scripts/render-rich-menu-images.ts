// `npm run richmenu:images`: draws the rich-menu images renkei uploads to LINE WORKS
// (assets/richmenu/*.png) from the menus' definitions in activities/richmenu/menus.ts: each area's
// panel in its colour with its words, as a page in Chromium captured at the menu's exact size.
// LINE WORKS shows these images on phones only and wants a PNG or JPEG of 2500×843 or 2500×1686, at
// most 1 MB (docs/providers/line-works.md#rich-menus). assets/richmenu/manifest.json records what
// each image was drawn from (areas, labels, faces) and its SHA-256, so that a unit test notices a
// menu changed without its image being drawn again. Run it after changing a menu; commit the result.
// Needs Debian's Chromium with the Noto CJK fonts (CHROMIUM_PATH overrides its location).
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { html, htmlToString, trustedHtml } from '../api/pages/html';
import { imageFileName, menuDefinitions, type MenuWithFaces } from '../activities/richmenu/menus';
import { launchChromium } from '../test/support/browser';
import { RICH_MENU_ASSETS, type RichMenuManifest } from './lib/rich-menu-manifest';

const FONT = '"Noto Sans CJK JP", "Noto Sans JP", sans-serif';

/** The page whose screenshot is the menu's image: one absolutely placed panel per area. */
export function menuPage({ definition, faces }: MenuWithFaces): string {
  const { width, height } = definition.size;
  const panels = definition.areas.map((area, index) => {
    const face = faces[index];
    if (face === undefined) throw new Error(`${definition.richmenuName}: area ${index} has no face`);
    const { x, y, width: w, height: h } = area.bounds;
    const style = `left:${x}px;top:${y}px;width:${w}px;height:${h}px;background:${face.background}`;
    return html`<div class="panel" style="${style}"><span>${face.text}</span></div>`;
  });
  return htmlToString(html`<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<style>${trustedHtml(`
html,body{margin:0;padding:0;width:${width}px;height:${height}px;overflow:hidden;background:#fff}
.panel{position:absolute;box-sizing:border-box;border:6px solid #fff;display:flex;align-items:center;justify-content:center;color:#fff;font-family:${FONT};font-weight:700;font-size:150px;line-height:1.2;text-align:center;padding:40px}
`)}</style>
</head>
<body>${panels}</body>
</html>`);
}

async function main(): Promise<void> {
  const menus = Object.values(menuDefinitions('https://example.invalid/'));
  mkdirSync(RICH_MENU_ASSETS, { recursive: true });
  const manifest: RichMenuManifest = {};
  const browser = await launchChromium();
  try {
    for (const menu of menus) {
      const { definition, faces } = menu;
      const page = await browser.newPage({ viewport: definition.size, deviceScaleFactor: 1 });
      await page.setContent(menuPage(menu), { waitUntil: 'load' });
      await page.evaluate('document.fonts.ready.then(() => true)');
      const png = await page.screenshot({ type: 'png', clip: { x: 0, y: 0, ...definition.size } });
      await page.close();
      const file = imageFileName(definition);
      writeFileSync(path.join(RICH_MENU_ASSETS, file), png);
      manifest[file] = {
        size: definition.size,
        areas: definition.areas.map((area, index) => ({ bounds: area.bounds, label: area.action.label ?? '', face: faces[index]?.text ?? '' })),
        bytes: png.length,
        sha256: createHash('sha256').update(png).digest('hex'),
      };
      process.stdout.write(`${file}: ${definition.size.width}×${definition.size.height}, ${png.length} bytes\n`);
    }
  } finally {
    await browser.close();
  }
  writeFileSync(path.join(RICH_MENU_ASSETS, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
