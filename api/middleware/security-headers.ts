// Security headers of every answer (helmet). Pages get a Content-Security-Policy without inline
// script or style (their stylesheets are files the API serves), forms that may only post to renkei
// and the providers' sign-in pages it redirects to, and no framing. Every answer gets nosniff, a
// Referrer-Policy that never sends renkei's URLs (which carry OAuth codes, states and tickets on
// callbacks) to another site, and, when renkei is served over https, HSTS. JSON APIs, webhooks and
// operator endpoints get the same headers with a CSP that allows nothing.
import type { RequestHandler } from 'express';
import helmet, { type HelmetOptions } from 'helmet';

export interface SecurityHeaderSettings {
  /** The public base URL: https turns on HSTS and upgrade-insecure-requests. */
  publicUrl: string;
  /** Provider URLs a form's answer may redirect to (OAuth authorize, the admin console's install). */
  formTargets: readonly string[];
}

/** Paths that answer machines (JSON, webhooks, metrics), never a page. */
const MACHINE_PATHS = /^\/(api|webhooks|events)\/|^\/(healthz|readyz|metrics)$/;

const originOf = (url: string): string | undefined => {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
};

function common(https: boolean): HelmetOptions {
  return {
    // The OAuth flows are top-level redirects; no page opens or is opened by another window.
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    // `same-origin`, not `no-referrer`: a same-origin form post keeps its Origin header, which the
    // logout checks; other sites never see a renkei URL.
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    xFrameOptions: { action: 'deny' },
  };
}

export function securityHeaders(s: SecurityHeaderSettings): RequestHandler {
  const https = s.publicUrl.startsWith('https://');
  const formTargets = [...new Set(s.formTargets.map(originOf).filter((o): o is string => !!o))];
  const pages = helmet({
    ...common(https),
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'", ...formTargets],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
  });
  const machines = helmet({
    ...common(https),
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
  });
  return (req, res, next) => (MACHINE_PATHS.test(req.path) ? machines : pages)(req, res, next);
}
