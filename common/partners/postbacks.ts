// The postback data renkei puts on LINE buttons, and its parser for the LINE webhook. The data is
// short (LINE allows 300 characters) and carries no secret: the tap is authorised by the LINE user
// who sends it, who must be the order's linked partner.

export type PartnerPostback = { action: 'order.approve'; orderId: string };

const ORDER_APPROVE = 'order-approve:';

export function orderApprovePostback(orderId: string): string {
  return `${ORDER_APPROVE}${orderId}`;
}

export function parsePartnerPostback(data: string): PartnerPostback | undefined {
  if (data.startsWith(ORDER_APPROVE)) {
    const orderId = data.slice(ORDER_APPROVE.length);
    if (/^[A-Za-z0-9_-]{1,64}$/.test(orderId)) return { action: 'order.approve', orderId };
  }
  return undefined;
}
