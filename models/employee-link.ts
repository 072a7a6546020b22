// An employee's ID-link: freee user (in one business) ↔ LINE WORKS account.
// `_id` is "{companyId}:{freeeUserId}" (one freee user per business ↔ one account, as the workflow
// ID enforces); the unique index enforces the reverse: one LINE WORKS account ↔ one freee user per
// business.
import { Schema, model, type InferSchemaType } from 'mongoose';

export const employeeLinkId = (companyId: string, freeeUserId: string): string => `${companyId}:${freeeUserId}`;

const employeeLinkSchema = new Schema(
  {
    _id: { type: String, required: true },
    companyId: { type: String, required: true },
    freeeUserId: { type: String, required: true },
    worksTenantId: { type: String, required: true },
    worksUserId: { type: String, required: true },
    linkedAt: { type: Date, required: true },
  },
  { collection: 'employee_links', timestamps: true, versionKey: false },
);
employeeLinkSchema.index({ companyId: 1, worksTenantId: 1, worksUserId: 1 }, { unique: true });
employeeLinkSchema.index({ worksTenantId: 1, _id: 1 });

export type EmployeeLinkDoc = InferSchemaType<typeof employeeLinkSchema>;
export const EmployeeLink = model('EmployeeLink', employeeLinkSchema);
