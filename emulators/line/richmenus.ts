// The Official Account's rich menus and the per-user links (reference B.1: a per-user menu takes
// effect at once). A menu can be linked only once its image is uploaded, as LINE requires.

import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { createRichMenuSchema, RichMenuView } from './richmenu-schema';

export interface RichMenu extends RichMenuView {
  image?: { contentType: string; width: number; height: number; bytes: number };
}

export class RichMenuStore {
  private readonly menus = new Map<string, RichMenu>();
  private readonly perUser = new Map<string, string>();

  create(body: z.output<typeof createRichMenuSchema>): RichMenu {
    const menu: RichMenu = { richMenuId: `richmenu-${randomBytes(16).toString('hex')}`, ...body };
    this.menus.set(menu.richMenuId, menu);
    return menu;
  }

  get(richMenuId: string): RichMenu | undefined {
    return this.menus.get(richMenuId);
  }

  list(): RichMenu[] {
    return [...this.menus.values()];
  }

  /** Deletes a menu and unlinks it from every user; false when unknown. */
  delete(richMenuId: string): boolean {
    if (!this.menus.delete(richMenuId)) return false;
    for (const [userId, linked] of this.perUser) if (linked === richMenuId) this.perUser.delete(userId);
    return true;
  }

  link(userId: string, richMenuId: string): void {
    this.perUser.set(userId, richMenuId);
  }

  unlink(userId: string): void {
    this.perUser.delete(userId);
  }

  forUser(userId: string): RichMenu | undefined {
    const richMenuId = this.perUser.get(userId);
    return richMenuId === undefined ? undefined : this.menus.get(richMenuId);
  }

  clear(): void {
    this.menus.clear();
    this.perUser.clear();
  }
}

export function richMenuView(menu: RichMenu): RichMenuView {
  return { richMenuId: menu.richMenuId, size: menu.size, selected: menu.selected, name: menu.name, chatBarText: menu.chatBarText, areas: menu.areas };
}
