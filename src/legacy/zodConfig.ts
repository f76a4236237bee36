/**
 * zod without its `new Function` fast path in the ES5 bundles: IE11 does not enforce the CSP,
 * so zod's eval probe succeeds there and the code it would generate is ES2015 (a SyntaxError).
 * Import after ./polyfills (zod needs the BigInt stand-in while it loads).
 */
import { config } from 'zod';

config({ jitless: true });
