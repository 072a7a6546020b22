// LINE WORKS rich-menu shapes (A.3): a 2500×843 or 2500×1686 image with up to 20 areas, each with
// an action. Only documented fields.

export interface RichMenuArea {
  bounds: { x: number; y: number; width: number; height: number };
  action:
    | { type: 'postback'; label?: string; data: string; displayText?: string }
    | { type: 'uri'; label: string; uri: string }
    | { type: 'message'; label: string; text: string };
}

export interface RichMenuDefinition {
  richmenuName: string;
  size: { width: 2500; height: 843 | 1686 };
  areas: RichMenuArea[];
}

export interface RichMenu extends RichMenuDefinition {
  richmenuId: string;
}
