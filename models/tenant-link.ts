// A LINE WORKS tenant's link to a freee business (read model of the tenant-link workflow).
// `_id` is the LINE WORKS tenant (domain) ID: one tenant ↔ one business.
import { Schema, model, type InferSchemaType } from 'mongoose';

export const TENANT_LINK_STATUSES = ['active', 'suspended', 'removed'] as const;

const tenantLinkSchema = new Schema(
  {
    _id: { type: String, required: true },
    companyId: { type: String, required: true },
    botId: { type: String, required: true },
    /** The app's service account in this tenant, used as JWT `sub`. */
    serviceAccountId: { type: String, required: true },
    /** The tenant's domain name as LINE WORKS gives it at install (what people recognise; `_id` is a number). */
    domainName: { type: String },
    status: { type: String, enum: TENANT_LINK_STATUSES, required: true, default: 'active' },
    linkedAt: { type: Date, required: true },
    installationId: { type: String },
    /** When renkei learnt of that installation; app lifecycle events older than it are stale. */
    installedAt: { type: Date },
    removedAt: { type: Date },
    /** The bot's rich menus, created once per bot. */
    richMenus: { unlinked: String, linked: String, attendance: String },
    /** Which images the menus carry (a hash of assets/richmenu/); another one makes the next menu switch provision them again. */
    richMenuImages: String,
  },
  { collection: 'tenant_links', timestamps: true, versionKey: false },
);
tenantLinkSchema.index({ companyId: 1, status: 1 });

export type TenantLinkDoc = InferSchemaType<typeof tenantLinkSchema>;
export const TenantLink = model('TenantLink', tenantLinkSchema);
