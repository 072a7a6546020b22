// Starts the rich-menu provisioning workflow for every active tenant link: the embedded stack's
// LINE WORKS emulator keeps menus in memory only, so each start recreates them.
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import mongoose from 'mongoose';
import { richMenuProvisionWorkflowId } from '../../common/ids';
import { richMenuStartMetadata } from '../../common/links/richmenu-start';
import { connectMongo, TenantLink } from '../../models';
import type { richMenuProvisionWorkflow } from '../../workflows/richmenu-provision';

export async function reprovisionRichMenus(temporalAddress: string, mongoUri: string, dataConverter: DataConverter, taskQueue = 'renkei'): Promise<number> {
  await connectMongo(mongoUri);
  const tenants = await TenantLink.find({ status: 'active' }, { _id: 1, companyId: 1 }).lean();
  await mongoose.disconnect();
  if (tenants.length === 0) return 0;
  const connection = await Connection.connect({ address: temporalAddress });
  try {
    const client = new Client({ connection, dataConverter });
    for (const t of tenants) {
      await client.workflow.start<typeof richMenuProvisionWorkflow>('richMenuProvisionWorkflow', {
        workflowId: richMenuProvisionWorkflowId(t._id, randomUUID()),
        taskQueue,
        args: [{ worksTenantId: t._id }],
        ...richMenuStartMetadata(t._id, t.companyId, 'rich menus re-provisioned'),
      });
    }
  } finally {
    await connection.close();
  }
  return tenants.length;
}
