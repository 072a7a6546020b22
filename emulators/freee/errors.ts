// freee API error bodies (reference D.5): {status_code, errors:[{type, messages}]}.

export function freeeErrorBody(status: number, message?: string): { status_code: number; errors: { type: string; messages: string[] }[] } {
  const fallback = status === 429 ? 'Too many requests' : status >= 500 ? 'Internal server error' : `HTTP ${status}`;
  return { status_code: status, errors: [{ type: status >= 500 ? 'error' : 'status', messages: [message ?? fallback] }] };
}
