// The rich menus of every bot (docs/providers/line-works.md#rich-menus): the menus, each bot's default, and the per-user
// assignments. Display priority is the documented one: the user's own menu, else the default. A
// menu keeps the image set on it, which the talk room shows on a phone.

import type { ImageInfo } from './image-size';
import type { CreateRichMenuBody, RichMenuArea, RichMenuView } from './richmenu-schema';

/** The image set on a menu, kept with the menu (the attachment it came from expires). */
export interface RichMenuImage extends ImageInfo {
  fileId: string;
  fileName: string;
  data: Buffer;
}

export interface RichMenu extends RichMenuView {
  botId: string;
  image?: RichMenuImage;
}

export interface EffectiveMenu {
  source: 'user' | 'default';
  menu: RichMenu;
}

const userKey = (botId: string, userId: string): string => `${botId}\u0000${userId}`;

export class RichMenuStore {
  private readonly menus = new Map<string, Map<string, RichMenu>>();
  private readonly defaults = new Map<string, string>();
  private readonly perUser = new Map<string, string>();
  private nextId = 1_000_001;

  create(botId: string, body: CreateRichMenuBody & { areas: RichMenuArea[] }): RichMenu {
    const menu: RichMenu = {
      botId,
      richmenuId: String(this.nextId++),
      richmenuName: body.richmenuName,
      size: { width: body.size.width, height: body.size.height },
      areas: body.areas,
    };
    let botMenus = this.menus.get(botId);
    if (botMenus === undefined) {
      botMenus = new Map();
      this.menus.set(botId, botMenus);
    }
    botMenus.set(menu.richmenuId, menu);
    return menu;
  }

  /** The bot's menus in creation order. */
  list(botId: string): RichMenu[] {
    return [...(this.menus.get(botId)?.values() ?? [])];
  }

  get(botId: string, richmenuId: string): RichMenu | undefined {
    return this.menus.get(botId)?.get(richmenuId);
  }

  /** Deletes a menu and every place it was in use. */
  delete(botId: string, richmenuId: string): boolean {
    if (this.menus.get(botId)?.delete(richmenuId) !== true) return false;
    if (this.defaults.get(botId) === richmenuId) this.defaults.delete(botId);
    for (const [key, id] of this.perUser) if (id === richmenuId && key.startsWith(`${botId}\u0000`)) this.perUser.delete(key);
    return true;
  }

  setDefault(botId: string, richmenuId: string): void {
    this.defaults.set(botId, richmenuId);
  }

  defaultOf(botId: string): RichMenu | undefined {
    const id = this.defaults.get(botId);
    return id === undefined ? undefined : this.get(botId, id);
  }

  clearDefault(botId: string): void {
    this.defaults.delete(botId);
  }

  setForUser(botId: string, userId: string, richmenuId: string): void {
    this.perUser.set(userKey(botId, userId), richmenuId);
  }

  forUser(botId: string, userId: string): RichMenu | undefined {
    const id = this.perUser.get(userKey(botId, userId));
    return id === undefined ? undefined : this.get(botId, id);
  }

  deleteForUser(botId: string, userId: string): void {
    this.perUser.delete(userKey(botId, userId));
  }

  /** Forgets every per-user assignment of a bot (its app was removed). */
  deleteAllUserMenus(botId: string): void {
    for (const key of this.perUser.keys()) if (key.startsWith(`${botId}\u0000`)) this.perUser.delete(key);
  }

  effective(botId: string, userId: string): EffectiveMenu | undefined {
    const own = this.forUser(botId, userId);
    if (own !== undefined) return { source: 'user', menu: own };
    const fallback = this.defaultOf(botId);
    return fallback === undefined ? undefined : { source: 'default', menu: fallback };
  }

  clear(): void {
    this.menus.clear();
    this.defaults.clear();
    this.perUser.clear();
  }
}

export function richMenuView(menu: RichMenu): RichMenuView {
  return { richmenuId: menu.richmenuId, richmenuName: menu.richmenuName, size: menu.size, areas: menu.areas };
}
