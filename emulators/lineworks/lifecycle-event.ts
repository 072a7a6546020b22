// App lifecycle events: the emulator-specific contract for telling an app it was removed from a
// tenant (the real one is undocumented, docs/providers/line-works.md#app-installation-and-removal). Pure (zod only) so the control
// client shares the types. See emulators/README.md, "App install and removal".

export interface AppUninstalledEvent {
  type: 'app.uninstalled';
  /** A UUID, also sent as X-WORKS-Event-Id; a redelivery repeats it. */
  eventId: string;
  domainId: number | string;
  clientId: string;
  installationId: string;
  /** ISO-8601 instant of the removal. */
  time: string;
}

export interface LifecycleAttempt {
  status: number | null;
  error?: string;
  at: string;
}

/** One delivery of a lifecycle event, with every attempt (`GET /_emulator/apps/:clientId/lifecycle`). */
export interface LifecycleDelivery {
  eventId: string;
  clientId: string;
  tenantId: string;
  /** Null when the app has no appCallbackUrl (nothing was sent). */
  targetUrl: string | null;
  headers: Record<string, string>;
  requestBody: string;
  attempts: LifecycleAttempt[];
  /** The last attempt's status (null: unreachable, or nothing sent). */
  status: number | null;
  /** The last answer's body. */
  body: unknown;
  /** True when this delivery repeated an earlier one (redeliver). */
  redelivery: boolean;
}
