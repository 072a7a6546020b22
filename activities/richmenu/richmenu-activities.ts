// Rich menus of the freee bot: created once per bot with their images (assets/richmenu/, a labelled
// panel per area; found again by name, so a retried provisioning reuses them and sets their images
// again), the pre-link menu made the default, and each person's menu switched when they link,
// unlink or open the 人事労務 menu.
import { ApplicationFailure } from '@temporalio/activity';
import { ErrorType } from '../../common/errors';
import type { MenuKind, MenuRequest } from '../../common/links/postbacks';
import { EmployeeLink } from '../../models/employee-link';
import { TenantLink } from '../../models/tenant-link';
import type { LineWorksClient } from '../../providers/lineworks/client';
import { toApplicationFailure } from '../provider-failure';
import { loadRichMenuImages, richMenuImagesVersion } from './images';
import { imageFileName, menuDefinitions } from './menus';

export interface RichMenuDeps {
  lineWorks: LineWorksClient;
  freeeHrUrl: string;
}

async function tenantOf(worksTenantId: string) {
  const tenant = await TenantLink.findById(worksTenantId).lean();
  if (!tenant || tenant.status === 'removed') throw ApplicationFailure.nonRetryable(`LINE WORKS tenant ${worksTenantId} is not linked`, ErrorType.NOT_LINKED);
  return tenant;
}

export function makeRichMenuActivities(deps: RichMenuDeps) {
  const definitions = menuDefinitions(deps.freeeHrUrl);
  const images = loadRichMenuImages(definitions);
  const imagesVersion = richMenuImagesVersion(images);

  async function provisionRichMenus(input: { worksTenantId: string }): Promise<Record<MenuKind, string>> {
    const tenant = await tenantOf(input.worksTenantId);
    const creds = { worksTenantId: tenant._id, serviceAccountId: tenant.serviceAccountId };
    try {
      const existing = new Map((await deps.lineWorks.listRichMenus(creds, tenant.botId)).map((m) => [m.richmenuName, m.richmenuId]));
      const ids = {} as Record<MenuKind, string>;
      for (const kind of Object.keys(definitions) as MenuKind[]) {
        const { definition } = definitions[kind];
        const id = existing.get(definition.richmenuName) ?? (await deps.lineWorks.createRichMenu(creds, tenant.botId, definition));
        // The image is set on a menu found again too, so a re-provisioning after an upgrade gives
        // menus made with older images the current ones.
        const fileId = await deps.lineWorks.uploadAttachment(creds, tenant.botId, imageFileName(definition), images[kind], 'image/png');
        await deps.lineWorks.setRichMenuImage(creds, tenant.botId, id, fileId);
        ids[kind] = id;
      }
      await deps.lineWorks.setDefaultRichMenu(creds, tenant.botId, ids.unlinked);
      await TenantLink.updateOne({ _id: tenant._id }, { $set: { richMenus: ids, richMenuImages: imagesVersion } });
      return ids;
    } catch (err) {
      throw toApplicationFailure(err);
    }
  }

  async function setEmployeeRichMenu(input: { worksTenantId: string; worksUserId: string; menu: MenuRequest }): Promise<MenuKind> {
    let tenant = await tenantOf(input.worksTenantId);
    // Menus provisioned before this worker's images (an upgrade) get them before the switch.
    if (!tenant.richMenus?.linked || tenant.richMenuImages !== imagesVersion) {
      await provisionRichMenus({ worksTenantId: input.worksTenantId });
      tenant = await tenantOf(input.worksTenantId);
    }
    const menus = tenant.richMenus as Record<MenuKind, string>;
    let kind: MenuKind = input.menu === 'attendance' ? 'attendance' : input.menu === 'linked' ? 'linked' : 'unlinked';
    if (input.menu === 'main') {
      kind = (await EmployeeLink.exists({ worksTenantId: input.worksTenantId, worksUserId: input.worksUserId })) ? 'linked' : 'unlinked';
    }
    const creds = { worksTenantId: tenant._id, serviceAccountId: tenant.serviceAccountId };
    try {
      if (kind === 'unlinked') await deps.lineWorks.clearUserRichMenu(creds, tenant.botId, input.worksUserId);
      else await deps.lineWorks.setUserRichMenu(creds, tenant.botId, menus[kind], input.worksUserId);
    } catch (err) {
      throw toApplicationFailure(err);
    }
    return kind;
  }

  return { provisionRichMenus, setEmployeeRichMenu };
}
