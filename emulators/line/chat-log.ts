// What LINE users did in the Official Account chat (sent a text, tapped a postback button, added,
// blocked or unblocked the account), shown in the chat next to the pushed messages.

export interface ChatAction {
  userId: string;
  kind: 'message' | 'postback' | 'follow' | 'unfollow';
  /** What the chat shows for it: the text sent, the postback's displayText, or a status line. */
  text: string;
  at: string;
  webhookEventId: string;
}

export class ChatLog {
  private actions: ChatAction[] = [];

  record(action: ChatAction): void {
    this.actions.push(action);
  }

  list(userId: string): ChatAction[] {
    return this.actions.filter((action) => action.userId === userId);
  }

  clear(): void {
    this.actions = [];
  }
}
