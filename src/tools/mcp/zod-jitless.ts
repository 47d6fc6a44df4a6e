import { config } from 'zod/v4/core';

// Zod decides at schema construction whether to compile parsers with `new Function`, probing once
// with a caught `new Function("")` that a strict CSP still reports as a violation. This module is
// imported before the SDK, so its schemas are built interpreted: the page forbids eval.
config({ jitless: true });
