import { z } from 'zod';
import type { DenyRule } from './auth/authorizer.ts';

/**
 * Fault injection: the ways a real API server misbehaves, on demand, so the app's and kubectl's
 * handling of them can be tested. Set directly (`server.faults.set({...})`) or with
 * `POST /__foresight/faults` and the admin token. Rates are deterministic (every n-th request,
 * spread evenly), so a test that sets `errorRate: 0.5` knows exactly which requests fail.
 */
export const faultSettingsSchema = z
  .object({
    /** Added to every API request before it is handled. */
    latencyMs: z.number().int().nonnegative().max(60_000),
    /** Share of API requests answered 500 InternalError. */
    errorRate: z.number().min(0).max(1),
    /** Share of API requests answered 429 TooManyRequests with Retry-After. */
    throttleRate: z.number().min(0).max(1),
    retryAfterSeconds: z.number().int().nonnegative().max(3600),
    /** Watches are dropped (connection reset, no clean end) this long after they start; 0: never. */
    dropWatchAfterSeconds: z.number().nonnegative(),
    /** The next this-many watches get an ERROR event with 410 Gone at once; -1: every watch. */
    watchGone: z.number().int().min(-1),
    /** Requests matching any rule are 403 Forbidden, whoever sends them. */
    forbidden: z.array(
      z.object({
        resource: z.string().min(1),
        name: z.string().optional(),
        namespace: z.string().optional(),
        verbs: z.array(z.string()).optional(),
      }),
    ),
  })
  .strict();

export type FaultSettings = z.infer<typeof faultSettingsSchema>;

export const NO_FAULTS: FaultSettings = {
  latencyMs: 0,
  errorRate: 0,
  throttleRate: 0,
  retryAfterSeconds: 1,
  dropWatchAfterSeconds: 0,
  watchGone: 0,
  forbidden: [],
};

export type RequestFault = { kind: 'error' } | { kind: 'throttle'; retryAfterSeconds: number } | undefined;

export class Faults {
  private settings: FaultSettings = { ...NO_FAULTS };
  private errorCredit = 0;
  private throttleCredit = 0;
  private readonly listeners = new Set<(settings: FaultSettings) => void>();

  get current(): FaultSettings {
    return this.settings;
  }

  /** Changes some settings, keeping the others; throws a ZodError on bad input. */
  set(partial: Partial<FaultSettings>): FaultSettings {
    this.settings = faultSettingsSchema.parse({ ...this.settings, ...partial });
    this.errorCredit = 0;
    this.throttleCredit = 0;
    for (const listener of this.listeners) listener(this.settings);
    return this.settings;
  }

  reset(): FaultSettings {
    return this.set(NO_FAULTS);
  }

  onChange(listener: (settings: FaultSettings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get denyRules(): readonly DenyRule[] {
    return this.settings.forbidden;
  }

  /** Decides, for one API request, whether it fails; advances the deterministic rates. */
  nextRequest(): RequestFault {
    this.throttleCredit += this.settings.throttleRate;
    if (this.throttleCredit >= 1 - 1e-9) {
      this.throttleCredit -= 1;
      return { kind: 'throttle', retryAfterSeconds: this.settings.retryAfterSeconds };
    }
    this.errorCredit += this.settings.errorRate;
    if (this.errorCredit >= 1 - 1e-9) {
      this.errorCredit -= 1;
      return { kind: 'error' };
    }
    return undefined;
  }

  /** Whether the watch starting now must be answered 410 Gone (and counts it). */
  takeWatchGone(): boolean {
    const remaining = this.settings.watchGone;
    if (remaining === 0) return false;
    if (remaining > 0) this.settings = { ...this.settings, watchGone: remaining - 1 };
    return true;
  }
}
