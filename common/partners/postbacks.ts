// The postback data renkei puts on LINE buttons, and its parser for the LINE webhook. The data is
// short (LINE allows 300 characters) and carries no secret: the tap is authorised by the LINE user
// who sends it, who must be the order's linked partner. [承認する] asks for the final check;
// [実行する] on that check is the approval (docs/flows/lansmart-line.md, 通知について ⑥⑦).

export type PartnerPostback = { action: 'order.approve' | 'order.approve.execute'; orderId: string };

const ORDER_APPROVE = 'order-approve:';
const ORDER_APPROVE_EXECUTE = 'order-approve-execute:';

export function orderApprovePostback(orderId: string): string {
  return `${ORDER_APPROVE}${orderId}`;
}

export function orderApproveExecutePostback(orderId: string): string {
  return `${ORDER_APPROVE_EXECUTE}${orderId}`;
}

export function parsePartnerPostback(data: string): PartnerPostback | undefined {
  for (const [prefix, action] of [
    [ORDER_APPROVE, 'order.approve'],
    [ORDER_APPROVE_EXECUTE, 'order.approve.execute'],
  ] as const) {
    if (!data.startsWith(prefix)) continue;
    const orderId = data.slice(prefix.length);
    if (/^[A-Za-z0-9_-]{1,64}$/.test(orderId)) return { action, orderId };
  }
  return undefined;
}
