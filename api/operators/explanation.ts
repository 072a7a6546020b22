// What the operator view answers (docs/design.md §2 "Operators"): for an event, a person or an
// order, the workflows involved with their Web UI links, how each recipient was resolved, every
// delivery with its attempts and the provider's answers, the channels skipped and why, what is
// still pending, and one sentence per cause of "did not get it".

/** An instant as operators read it: UTC (ISO 8601) and JST. */
export interface Instant {
  utc: string;
  jst: string;
}

export interface PendingActivityFact {
  activity: string;
  state: string;
  attempt: number;
  lastAttemptAt?: Instant;
  nextAttemptAt?: Instant;
}

export interface WorkflowFact {
  workflowId: string;
  type: string;
  status: string;
  summary?: string;
  details?: string;
  searchAttributes: Record<string, string>;
  startedAt: Instant;
  closedAt?: Instant;
  /** The workflow in the Temporal Web UI. */
  url: string;
  pendingActivities: PendingActivityFact[];
}

/** How a recipient was resolved when the view was asked (links, tenant, LINE state). */
export interface RecipientFact {
  kind: 'employee' | 'partner';
  id: string;
  companyId?: string;
  linked: boolean;
  /** freee × LINE WORKS: the tenant the employee is linked through, and its state. */
  tenant?: { worksTenantId: string; status: string; removedAt?: string };
  worksUserId?: string;
  /** Lansmart × LINE: the partner's LINE state. */
  line?: { status: string; friend: boolean; blocked: boolean; linkedAt?: string; unlinkedAt?: string };
  /** A refused link attempt recorded on the link workflow. */
  linkRefusal?: string;
}

export interface AttemptFact {
  attempt: number;
  at: Instant;
  ok: boolean;
  answer: string;
}

export interface DeliveryFact {
  key: string;
  workflowId: string;
  channel: string;
  recipient: string;
  freeeUserId?: string;
  status: string;
  reason?: string;
  attempts: number;
  attemptLog: AttemptFact[];
  lastError?: string;
  sentAt?: Instant;
}

export interface PendingFact {
  what: 'retry' | 'reminder' | 'waiting' | 'overdue_approval';
  workflowId: string;
  detail: string;
  dueAt?: Instant;
}

export interface Explanation {
  subject: Record<string, string>;
  workflows: WorkflowFact[];
  recipients: RecipientFact[];
  deliveries: DeliveryFact[];
  skipped: Array<{ key: string; channel: string; recipient: string; reason: string }>;
  pending: PendingFact[];
  /** One sentence per cause of "did not get it" (and what went through). */
  findings: string[];
}

const JST_OFFSET_MS = 9 * 3600_000;

export function instant(d: Date | string | number): Instant {
  const date = new Date(d);
  const jst = new Date(date.getTime() + JST_OFFSET_MS).toISOString();
  return { utc: date.toISOString(), jst: `${jst.slice(0, 10)} ${jst.slice(11, 16)} JST` };
}
