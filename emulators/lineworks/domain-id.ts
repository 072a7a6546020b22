// LINE WORKS domain IDs are numbers on the wire (users API, callbacks, ID tokens). Tenants are
// seeded with string IDs; an all-digit one is sent as a JSON number, any other as the string.

export function domainIdOf(tenantId: string): number | string {
  return /^\d{1,15}$/.test(tenantId) ? Number(tenantId) : tenantId;
}
