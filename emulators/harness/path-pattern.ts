// The path-matching rule shared by fault specs and request filters.
//
// A pattern is a '/'-separated path. Each segment matches literally, except `:name` and `*`, which
// match any one non-empty segment. The pattern matches a request path when it matches all of it
// or a leading run of whole segments ("/v1.0/bots" matches "/v1.0/bots/b1/users/u1/messages" but
// not "/v1.0/botsX"). End the pattern with `$` to forbid deeper segments. The query string is
// never part of the path.

function segments(path: string): string[] {
  return path.split('/').filter((segment) => segment.length > 0);
}

export function matchesPathPattern(pattern: string, path: string): boolean {
  const exact = pattern.endsWith('$');
  const wanted = segments(exact ? pattern.slice(0, -1) : pattern);
  const actual = segments(path);
  if (actual.length < wanted.length || (exact && actual.length !== wanted.length)) return false;
  return wanted.every((segment, index) => {
    const candidate = actual[index];
    if (candidate === undefined) return false;
    if (segment === '*' || segment.startsWith(':')) return true;
    return segment === candidate;
  });
}
