// renkei's three rich menus of the freee bot (docs/flows/freee-lineworks.md): before the ID-link [ID連携], after it
// [ID連携解除], and the 人事労務 menu reached by [勤怠登録メニューに切り替え] with a way back. Each has
// the same two-area layout; the names identify them when a bot's menus are listed again.
import type { RichMenuArea, RichMenuDefinition } from '../../providers/lineworks/richmenu-types';
import { POSTBACK, type MenuKind } from '../../common/links/postbacks';
import type { Rgb } from './png';

const WIDTH = 2500;
const HEIGHT = 843;
const half = (i: number): RichMenuArea['bounds'] => ({ x: i * 1250, y: 0, width: 1250, height: HEIGHT });

export function menuDefinitions(freeeHrUrl: string): Record<MenuKind, { definition: RichMenuDefinition; colours: Rgb[] }> {
  const toAttendance: RichMenuArea = {
    bounds: half(1),
    action: { type: 'postback', label: '勤怠登録メニューに切り替え', data: POSTBACK.attendanceMenu, displayText: '勤怠登録メニューに切り替え' },
  };
  return {
    unlinked: {
      definition: {
        richmenuName: 'renkei-unlinked',
        size: { width: WIDTH, height: HEIGHT },
        areas: [{ bounds: half(0), action: { type: 'postback', label: 'ID連携', data: POSTBACK.link, displayText: 'ID連携' } }, toAttendance],
      },
      colours: [[40, 100, 240], [90, 160, 90]],
    },
    linked: {
      definition: {
        richmenuName: 'renkei-linked',
        size: { width: WIDTH, height: HEIGHT },
        areas: [{ bounds: half(0), action: { type: 'postback', label: 'ID連携解除', data: POSTBACK.unlink, displayText: 'ID連携解除' } }, toAttendance],
      },
      colours: [[120, 120, 130], [90, 160, 90]],
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
      colours: [[230, 140, 40], [40, 100, 240]],
    },
  };
}
