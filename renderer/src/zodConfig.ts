import { z } from 'zod';

/**
 * The contract's schemas are zod. zod compiles fast parsers with `new Function` when it may; our
 * CSP forbids eval, and even zod's guarded probe shows up as a CSP violation in the console.
 * Jitless parsing is plenty fast for our payloads (a 5,000-node snapshot parses in milliseconds).
 */
z.config({ jitless: true });
