// What people did in the emulator's talk rooms (tapped a rich-menu area, sent a message, opened
// the room), shown in the room next to the bot's messages and listed for tests.

export interface TalkAction {
  tenantId: string;
  botId: string;
  userId: string;
  kind: 'postback' | 'message' | 'begin';
  /** What the room shows for it: the label tapped or the text sent. */
  text: string;
  at: string;
  /** What the bot's server answered the callback (null: unreachable or no callback URL). */
  callbackStatus: number | null;
}

export class TalkLog {
  private actions: TalkAction[] = [];
  private readonly opened = new Set<string>();

  record(action: TalkAction): void {
    this.actions.push(action);
  }

  list(filter: { botId?: string; userId?: string } = {}): TalkAction[] {
    return this.actions.filter(
      (action) => (filter.botId === undefined || action.botId === filter.botId) && (filter.userId === undefined || action.userId === filter.userId),
    );
  }

  /** Marks the 1:1 room of (bot, user) as opened; true the first time. */
  open(botId: string, userId: string): boolean {
    const key = `${botId}\u0000${userId}`;
    if (this.opened.has(key)) return false;
    this.opened.add(key);
    return true;
  }

  clear(): void {
    this.actions = [];
    this.opened.clear();
  }
}
