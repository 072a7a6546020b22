// The delivery-log key of one LINE WORKS delivery of a notification: the workflow builds it for
// its activities and the recipient resolution writes the pending record under it, so both meet.
export const lineWorksDeliveryKey = (workflowId: string, worksTenantId: string, worksUserId: string): string =>
  `${workflowId}:lineworks:${worksTenantId}:${worksUserId}`;

/** The key under which a freee user the event addressed but could not reach is logged. */
export const unreachedDeliveryKey = (workflowId: string, freeeUserId: string): string => `${workflowId}:lineworks:unreached:${freeeUserId}`;

/** Why a freee user addressed by an event gets no LINE WORKS message. */
export type UnreachedReason = 'not_linked' | 'business_not_linked' | 'app_removed';
