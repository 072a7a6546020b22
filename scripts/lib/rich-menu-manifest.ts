// Where scripts/render-rich-menu-images.ts writes the rich-menu images and what its manifest
// records for each: the menu's size, each area's bounds, action label and face (the words drawn on
// its panel), and the PNG's size and SHA-256.
import path from 'node:path';

export const RICH_MENU_ASSETS = path.resolve(__dirname, '../../assets/richmenu');

export interface RichMenuManifestEntry {
  size: { width: number; height: number };
  areas: Array<{ bounds: { x: number; y: number; width: number; height: number }; label: string; face: string }>;
  bytes: number;
  sha256: string;
}

/** Keyed by the image's file name under assets/richmenu/. */
export type RichMenuManifest = Record<string, RichMenuManifestEntry>;
