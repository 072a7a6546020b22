// An e-mail address as a refusal page shows it: enough for its owner to recognise it (the first
// letter of the local part and the domain), not enough for anyone else to read it whole.
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  const local = email.slice(0, at);
  return `${local.slice(0, 1)}${'*'.repeat(Math.max(3, Math.min(local.length - 1, 8)))}${email.slice(at)}`;
}
