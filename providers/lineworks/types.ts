// LINE WORKS API 2.0 shapes renkei sends (bot message content), per the official send page.
// Unknown properties are refused by LINE WORKS, so these types list only documented fields.

export interface TextContent {
  type: 'text';
  text: string;
}

export type ButtonAction =
  | { type: 'uri'; label: string; uri: string }
  | { type: 'message'; label: string; text?: string; postback?: string }
  | { type: 'copy'; label: string; copyText: string };

export interface ButtonTemplateContent {
  type: 'button_template';
  contentText: string;
  actions: ButtonAction[];
}

export type MessageContent = TextContent | ButtonTemplateContent;

/** The credentials that identify one tenant's service account. */
export interface TenantCredentials {
  worksTenantId: string;
  serviceAccountId: string;
}
