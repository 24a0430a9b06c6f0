import type { NextConfig } from 'next';
import { PHASE_DEVELOPMENT_SERVER } from 'next/constants';
import { securityHeaderRules } from './server/http/security-headers';

export default function nextConfig(phase: string): NextConfig {
  return {
    reactStrictMode: true,
    poweredByHeader: false,
    experimental: {
      // The stylesheets are small (about 5 kB compressed); inlining them removes render-blocking round trips.
      inlineCss: true,
      // Header sources match paths as the router does, case and all: otherwise /SANDBOX/RUNNER
      // (a 404 page) would slip past the rule that exempts only the Run sandbox from the site CSP.
      caseSensitiveRoutes: true,
    },
    // Static headers, not a per-request nonce: a nonce would make every prerendered page dynamic.
    headers: async () => securityHeaderRules({ development: phase === PHASE_DEVELOPMENT_SERVER }),
  };
}
