// Typed search attributes (docs/design.md §2 "Operators"). Every workflow tags itself with these so an
// operator can filter in the Web UI, e.g. `WorksTenantId="t-1"` or `CompanyId="1001"`.
// The list is also what the dev server, the test servers and production must register.
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

export const CompanyId = defineSearchAttributeKey('CompanyId', SearchAttributeType.KEYWORD);
export const WorksTenantId = defineSearchAttributeKey('WorksTenantId', SearchAttributeType.KEYWORD);
export const PartnerId = defineSearchAttributeKey('PartnerId', SearchAttributeType.KEYWORD);
export const OrderId = defineSearchAttributeKey('OrderId', SearchAttributeType.KEYWORD);
export const LinkStatus = defineSearchAttributeKey('LinkStatus', SearchAttributeType.KEYWORD);
export const OrderStatus = defineSearchAttributeKey('OrderStatus', SearchAttributeType.KEYWORD);
export const NotificationStatus = defineSearchAttributeKey('NotificationStatus', SearchAttributeType.KEYWORD);
export const EventType = defineSearchAttributeKey('EventType', SearchAttributeType.KEYWORD);
/** The last refusal of a link workflow's update (e.g. `PARTNER_LINKED_ELSEWHERE`), for `LinkRefusal != ""`. */
export const LinkRefusal = defineSearchAttributeKey('LinkRefusal', SearchAttributeType.KEYWORD);

/** Every custom search attribute renkei uses; all are Keyword. */
export const ALL_SEARCH_ATTRIBUTES = [
  CompanyId,
  WorksTenantId,
  PartnerId,
  OrderId,
  LinkStatus,
  OrderStatus,
  NotificationStatus,
  EventType,
  LinkRefusal,
] as const;

export const SEARCH_ATTRIBUTE_NAMES: readonly string[] = ALL_SEARCH_ATTRIBUTES.map((k) => k.name);
