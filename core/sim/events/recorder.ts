import { createHash, type Hash } from 'node:crypto';
import { keys } from '../store/api-resources.ts';
import type { KubeObject } from '../store/kube-object.ts';
import type { ObjectStore } from '../store/object-store.ts';
import { rfc3339 } from '../kube/time.ts';
import type { CoreEvent, EventType, InvolvedObject } from '../kube/types.ts';
import { DelayQueue } from '../runtime/work-queue.ts';

export interface EventSource {
  /** kubelet, default-scheduler, replicaset-controller… */
  component: string;
  /** The node, for node agents. */
  host?: string;
}

export interface EventOptions {
  type: EventType;
  reason: string;
  message: string;
  /** `spec.containers{name}` for container events. */
  fieldPath?: string;
}

/** The API server's default --event-ttl. */
export const EVENT_TTL_MS = 3_600_000;

/** Something an event can be about: a stored object, or a reference to one. */
export type EventSubject = KubeObject | InvolvedObject;

function involvedObjectOf(subject: EventSubject, fieldPath: string | undefined): InvolvedObject {
  const ref: InvolvedObject =
    'metadata' in subject
      ? {
          kind: subject.kind,
          ...(subject.metadata.namespace ? { namespace: subject.metadata.namespace } : {}),
          name: subject.metadata.name ?? '',
          ...(subject.metadata.uid ? { uid: subject.metadata.uid } : {}),
          apiVersion: subject.apiVersion,
          ...(subject.metadata.resourceVersion ? { resourceVersion: subject.metadata.resourceVersion } : {}),
        }
      : { ...subject };
  if (fieldPath) ref.fieldPath = fieldPath;
  return ref;
}

/**
 * core/v1 Events as client-go's record.EventRecorder writes them: one Event per distinct
 * (source, object, type, reason, message), and a repeat bumps `count` and `lastTimestamp` of the
 * existing one instead of creating another (the EventCorrelator's de-duplication). Events
 * expire an hour after their last update, like the API server's event TTL.
 */
export class EventRecorder {
  private readonly existing = new Map<string, { namespace: string; name: string }>();
  private readonly expiry = new DelayQueue<string>();
  private readonly listeners = new Set<(event: CoreEvent) => void>();
  private readonly hash: Hash = createHash('sha256');
  private sequence = 0;
  private recorded = 0;

  constructor(
    private readonly store: ObjectStore,
    private readonly now: () => number,
    private readonly ttlMs: number = EVENT_TTL_MS,
  ) {}

  record(source: EventSource, subject: EventSubject, options: EventOptions): CoreEvent {
    const involved = involvedObjectOf(subject, options.fieldPath);
    const nowMs = this.now();
    const at = rfc3339(nowMs);
    const key = [
      source.component,
      source.host ?? '',
      involved.kind,
      involved.namespace ?? '',
      involved.name,
      involved.uid ?? '',
      involved.apiVersion ?? '',
      involved.fieldPath ?? '',
      options.type,
      options.reason,
      options.message,
    ].join('\u0000');
    const namespace = involved.namespace ?? 'default';
    let event: CoreEvent | undefined;
    const known = this.existing.get(key);
    if (known) {
      event = this.store.mutate(keys.events, known.namespace, known.name, (draft) => {
        const e = draft as CoreEvent;
        e.count += 1;
        e.lastTimestamp = at;
        e.involvedObject = involved;
      }) as CoreEvent | undefined;
    }
    if (!event) {
      // client-go names events `<object>.<unix nanos in hex>`; a sequence keeps names unique
      // when one object gets two events in the same millisecond.
      const nanos = BigInt(nowMs) * 1_000_000n + BigInt(this.sequence++ % 1_000_000);
      const name = `${involved.name}.${nanos.toString(16)}`;
      event = this.store.create(keys.events, {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name, namespace },
        involvedObject: involved,
        reason: options.reason,
        message: options.message,
        source: { component: source.component, ...(source.host ? { host: source.host } : {}) },
        firstTimestamp: at,
        lastTimestamp: at,
        count: 1,
        type: options.type,
        eventTime: null,
        reportingComponent: source.component,
        reportingInstance: source.host ?? '',
      }) as CoreEvent;
      this.existing.set(key, { namespace, name });
    }
    this.expiry.add(key, nowMs + this.ttlMs);
    this.recorded += 1;
    this.hash.update(`${at}\u0001${key}\u0002`);
    for (const listener of this.listeners) listener(event);
    return event;
  }

  /** Deletes events whose last update is older than the TTL. */
  expire(nowMs: number): void {
    for (const key of this.expiry.popDue(nowMs)) {
      const known = this.existing.get(key);
      if (!known) continue;
      const event = this.store.get(keys.events, known.namespace, known.name) as CoreEvent | undefined;
      if (!event) {
        this.existing.delete(key);
        continue;
      }
      const expiresAt = Date.parse(event.lastTimestamp) + this.ttlMs;
      if (expiresAt > nowMs) continue; // bumped since: a later timer is queued
      this.store.delete(keys.events, known.namespace, known.name);
      this.existing.delete(key);
    }
  }

  onRecord(listener: (event: CoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** How many times anything was recorded (new events and repeats). */
  get recordedCount(): number {
    return this.recorded;
  }

  /** A digest of every recording so far, in order: equal digests mean equal event logs. */
  digest(): string {
    return this.hash.copy().digest('hex');
  }
}
