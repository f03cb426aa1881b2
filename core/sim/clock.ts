/** A source of real time in epoch ms; injectable so tests can move time by hand. */
export type RealTimeSource = () => number;

export interface SimClockOptions {
  /** Simulated epoch ms at the moment the clock is created (default: real now). */
  startMs?: number;
  /** Simulated ms per real ms (default 1). */
  speed?: number;
  /** Real time source (default `Date.now`). */
  realNow?: RealTimeSource;
}

/**
 * Simulated time runs `speed` times faster than real time from `startMs` on. The clock reads real
 * time only when asked, so it costs nothing between reads and never drifts from a timer.
 */
export class SimClock {
  readonly startMs: number;
  readonly speed: number;
  private readonly realNow: RealTimeSource;
  private readonly realStart: number;

  constructor(options: SimClockOptions = {}) {
    const speed = options.speed ?? 1;
    if (!Number.isFinite(speed) || speed <= 0) throw new RangeError(`speed must be > 0, got ${speed}`);
    this.realNow = options.realNow ?? Date.now;
    this.realStart = this.realNow();
    this.startMs = options.startMs ?? this.realStart;
    if (!Number.isFinite(this.startMs)) throw new RangeError(`startMs must be finite, got ${this.startMs}`);
    this.speed = speed;
  }

  /** Simulated epoch ms, whole milliseconds. */
  now(): number {
    return Math.floor(this.startMs + (this.realNow() - this.realStart) * this.speed);
  }
}
