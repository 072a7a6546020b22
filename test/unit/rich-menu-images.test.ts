// The rich-menu images renkei uploads (assets/richmenu/, drawn by scripts/render-rich-menu-images.ts)
// are what a phone shows of the menus (docs/flows/freee-lineworks.md): each must be what LINE WORKS
// accepts (PNG, 2500×843 or 2500×1686, at most 1 MB: docs/providers/line-works.md#rich-menus), drawn
// from the menus as they are now (the manifest the script wrote matches the definitions, and the
// file is the one it wrote), and carry the buttons' words the help page shows on a phone, while the
// action labels stay the desktop's names.
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadRichMenuImages, richMenuAssetsDir } from '../../activities/richmenu/images';
import { imageFileName, menuDefinitions } from '../../activities/richmenu/menus';
import { readImageInfo } from '../../emulators/lineworks/image-size';
import { RICH_MENU_ASSETS, type RichMenuManifest } from '../../scripts/lib/rich-menu-manifest';

const ROOT = path.resolve(__dirname, '../..');
const menus = menuDefinitions('https://hr.example/attendance');
const manifest = JSON.parse(readFileSync(path.join(RICH_MENU_ASSETS, 'manifest.json'), 'utf8')) as RichMenuManifest;
const ALLOWED_SIZES = ['2500x843', '2500x1686'];
const MAX_BYTES = 1_000_000;

describe('rich-menu images (assets/richmenu/)', () => {
  const images = loadRichMenuImages(menus);

  for (const [kind, { definition }] of Object.entries(menus)) {
    const file = imageFileName(definition);

    it(`${file}: a PNG of the menu's size that LINE WORKS accepts`, () => {
      const image = images[kind as keyof typeof images];
      const info = readImageInfo(image);
      assert.equal(info?.type, 'png');
      assert.deepEqual({ width: info?.width, height: info?.height }, definition.size);
      assert.ok(ALLOWED_SIZES.includes(`${info?.width}x${info?.height}`), `${info?.width}x${info?.height}`);
      assert.ok(image.length <= MAX_BYTES, `${file} is ${image.length} bytes`);
    });

    it(`${file}: drawn from the menu as it is defined now (run npm run richmenu:images after changing a menu)`, () => {
      const entry = manifest[file];
      assert.ok(entry, `the manifest lists ${file}`);
      assert.deepEqual(entry.size, definition.size);
      assert.deepEqual(
        entry.areas,
        definition.areas.map((area, index) => ({ bounds: area.bounds, label: area.action.label ?? '', face: menus[kind as keyof typeof menus].faces[index]?.text ?? '' })),
      );
      const image = images[kind as keyof typeof images];
      assert.equal(entry.bytes, image.length);
      assert.equal(entry.sha256, createHash('sha256').update(image).digest('hex'), `${file} is not the image the script drew`);
    });
  }

  it('gives every area a face whose words begin its action label (the accessible name contains what the phone shows)', () => {
    for (const { definition, faces } of Object.values(menus)) {
      assert.equal(faces.length, definition.areas.length, definition.richmenuName);
      definition.areas.forEach((area, index) => {
        const face = faces[index]?.text ?? '';
        assert.ok(face.trim().length > 0, `${definition.richmenuName} area ${index}`);
        assert.ok((area.action.label ?? '').startsWith(face), `${definition.richmenuName}: label ${area.action.label} does not begin with ${face}`);
      });
    }
  });

  it('shows the help page’s buttons: [ID連携] / [ID連携解除] and [勤怠登録] on a phone, [勤怠登録メニューに切り替え] on the desktop', () => {
    const faces = (kind: keyof typeof menus) => menus[kind].faces.map((face) => face.text);
    const labels = (kind: keyof typeof menus) => menus[kind].definition.areas.map((area) => area.action.label);
    assert.deepEqual(faces('unlinked'), ['ID連携', '勤怠登録']);
    assert.deepEqual(faces('linked'), ['ID連携解除', '勤怠登録']);
    assert.deepEqual(labels('unlinked'), ['ID連携', '勤怠登録メニューに切り替え']);
    assert.deepEqual(labels('linked'), ['ID連携解除', '勤怠登録メニューに切り替え']);
  });

  it('finds assets/richmenu/ beside package.json from the sources and from the compiled dist/', () => {
    assert.equal(richMenuAssetsDir(), path.join(ROOT, 'assets', 'richmenu'));
    assert.equal(richMenuAssetsDir(path.join(ROOT, 'dist', 'activities', 'richmenu')), path.join(ROOT, 'assets', 'richmenu'));
    assert.equal(RICH_MENU_ASSETS, path.join(ROOT, 'assets', 'richmenu'));
  });
});
