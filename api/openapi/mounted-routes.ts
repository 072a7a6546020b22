// The routes an Express app really mounts (method and path, in OpenAPI's `{param}` form), read
// from its router stack, so a test can hold the OpenAPI document to the app and the app to it.
import type { Express } from 'express';

interface Layer {
  route?: { path: unknown; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
  slash?: boolean;
}

const openApiPath = (path: string): string => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

function walk(stack: Layer[], out: Set<string>): void {
  for (const layer of stack) {
    if (layer.route && typeof layer.route.path === 'string') {
      for (const [method, on] of Object.entries(layer.route.methods)) if (on && method !== '_all') out.add(`${method} ${openApiPath(layer.route.path)}`);
    } else if (layer.handle?.stack && layer.slash) {
      // A router mounted at the root (every router of the app is).
      walk(layer.handle.stack, out);
    }
  }
}

export function mountedRoutes(app: Express): string[] {
  const out = new Set<string>();
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, out);
  return [...out].sort();
}
