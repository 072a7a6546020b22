// Message definitions of the order workflow, shared by the workflow and every client (API, LINE
// webhook, tests). Names are explicit strings: they are part of the histories.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { CompanyEvent, CompanyEventResult, OrderState, PartnerActionRequest, PartnerActionResult, ReminderEntry } from './types';

/** A company-side event from the platform; applied once per event ID (a repeat answers `duplicate`). */
export const applyCompanyEventUpdate = defineUpdate<CompanyEventResult, [CompanyEvent]>('apply-company-event');
/** A partner's step; the update ID is the request's ID (form token or LINE webhookEventId). */
export const partnerActionUpdate = defineUpdate<PartnerActionResult, [PartnerActionRequest]>('partner-action');
export const orderStatusQuery = defineQuery<OrderState>('status');
/** Reminders still to come, with their instants. */
export const upcomingRemindersQuery = defineQuery<ReminderEntry[]>('upcoming-reminders');
