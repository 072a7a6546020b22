// renkei's three rich menus of the freee bot (docs/flows/freee-lineworks.md): before the ID-link [ID連携], after it
// [ID連携解除], and the 人事労務 menu reached by [勤怠登録メニューに切り替え] with a way back. Each has
// the same two-area layout; the names identify them when a bot's menus are listed again.
// LINE WORKS shows an area's action label on the desktop (a list of labels) and the menu's image on a
// phone, so each area also has its face: the words and colour of its panel in the image. A phone
// shows [勤怠登録] where the desktop says [勤怠登録メニューに切り替え]. The images are drawn from the
// faces by scripts/render-rich-menu-images.ts into assets/richmenu/.
import type { RichMenuArea, RichMenuDefinition } from '../../providers/lineworks/richmenu-types';
import { POSTBACK, type MenuKind } from '../../common/links/postbacks';

const WIDTH = 2500;
const HEIGHT = 843;
const half = (i: number): RichMenuArea['bounds'] => ({ x: i * 1250, y: 0, width: 1250, height: HEIGHT });

/** What one area's panel shows in the image: its words and its background colour (CSS hex). */
export interface PanelFace {
  text: string;
  background: `#${string}`;
}

export interface MenuWithFaces {
  definition: RichMenuDefinition;
  /** One face per area, in the areas' order. */
  faces: PanelFace[];
}

/** The file name of a menu's image under assets/richmenu/. */
export const imageFileName = (definition: RichMenuDefinition): string => `${definition.richmenuName}.png`;

export function menuDefinitions(freeeHrUrl: string): Record<MenuKind, MenuWithFaces> {
  const toAttendance: RichMenuArea = {
    bounds: half(1),
    action: { type: 'postback', label: '勤怠登録メニューに切り替え', data: POSTBACK.attendanceMenu, displayText: '勤怠登録メニューに切り替え' },
  };
  const toAttendanceFace: PanelFace = { text: '勤怠登録', background: '#2e7d32' };
  return {
    unlinked: {
      definition: {
        richmenuName: 'renkei-unlinked',
        size: { width: WIDTH, height: HEIGHT },
        areas: [{ bounds: half(0), action: { type: 'postback', label: 'ID連携', data: POSTBACK.link, displayText: 'ID連携' } }, toAttendance],
      },
      faces: [{ text: 'ID連携', background: '#1a56db' }, toAttendanceFace],
    },
    linked: {
      definition: {
        richmenuName: 'renkei-linked',
        size: { width: WIDTH, height: HEIGHT },
        areas: [{ bounds: half(0), action: { type: 'postback', label: 'ID連携解除', data: POSTBACK.unlink, displayText: 'ID連携解除' } }, toAttendance],
      },
      faces: [{ text: 'ID連携解除', background: '#5f6368' }, toAttendanceFace],
    },
    attendance: {
      definition: {
        richmenuName: 'renkei-attendance',
        size: { width: WIDTH, height: HEIGHT },
        areas: [
          { bounds: half(0), action: { type: 'uri', label: '勤怠を登録する', uri: freeeHrUrl } },
          { bounds: half(1), action: { type: 'postback', label: 'メニューに戻る', data: POSTBACK.mainMenu, displayText: 'メニューに戻る' } },
        ],
      },
      faces: [
        { text: '勤怠を登録する', background: '#c2410c' },
        { text: 'メニューに戻る', background: '#1a56db' },
      ],
    },
  };
}
