// One page of a cascade's snapshot of the tenant's employee links: the links taken once, at the
// start of a round, so that each page of the cascade is one `_id` lookup instead of a query over
// every link (a scan on the embedded Mongo-wire server, docs/design.md §4). Deleted with the
// cascade's report. A page holds at most MAX_CASCADE_PAGE_SIZE links, far below MongoDB's 16 MB.
import { Schema, model, type InferSchemaType } from 'mongoose';

/** Links per page at most: about 100 bytes each, so a page stays around 1 MB. */
export const MAX_CASCADE_PAGE_SIZE = 10_000;

const snapshotLinkSchema = new Schema(
  {
    /** The employee link's `_id`. */
    id: { type: String, required: true },
    companyId: { type: String, required: true },
    freeeUserId: { type: String, required: true },
  },
  { _id: false },
);

const cascadeSnapshotPageSchema = new Schema(
  {
    /** "{snapshotId}:{pageNo}", the snapshot ID being "{cascadeId}:{round}:{attempt}". */
    _id: { type: String, required: true },
    cascadeId: { type: String, required: true },
    links: { type: [snapshotLinkSchema], required: true },
  },
  { collection: 'cascade_snapshot_pages', timestamps: true, versionKey: false },
);
cascadeSnapshotPageSchema.index({ cascadeId: 1 });

export type CascadeSnapshotPageDoc = InferSchemaType<typeof cascadeSnapshotPageSchema>;
export const CascadeSnapshotPage = model('CascadeSnapshotPage', cascadeSnapshotPageSchema);
export const cascadeSnapshotId = (cascadeId: string, round: number, attempt: number): string => `${cascadeId}:${round}:${attempt}`;
export const cascadeSnapshotPageId = (snapshotId: string, pageNo: number): string => `${snapshotId}:${pageNo}`;
