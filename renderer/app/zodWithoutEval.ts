// The window's CSP has no 'unsafe-eval'. Zod 4 probes `new Function` the first time it builds an
// object schema's fast path; the probe's throw is caught, but Chromium still reports a CSP
// violation for it. Jitless mode skips the probe (and compiled parsers) for the whole window.
// Imported first by main.tsx, before any schema parses.
import { config } from 'zod';

config({ jitless: true });
