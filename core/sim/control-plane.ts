import { DaemonSetController } from './controllers/daemonset.ts';
import { DeploymentController } from './controllers/deployment.ts';
import { DisruptionController } from './controllers/disruption.ts';
import { GarbageCollector } from './controllers/garbage-collector.ts';
import { HorizontalPodAutoscalerController } from './controllers/hpa.ts';
import { JobController } from './controllers/job.ts';
import { NodeLifecycleController } from './controllers/node-lifecycle.ts';
import { PodGarbageCollector } from './controllers/pod-gc.ts';
import { ReplicaSetController } from './controllers/replicaset.ts';
import { StatefulSetController } from './controllers/statefulset.ts';
import { TaintEvictionController } from './controllers/taint-eviction.ts';
import { KubeletFleet } from './kubelet/fleet.ts';
import type { IncidentEffects } from './load/effects.ts';
import type { Component, SimContext } from './runtime/context.ts';
import { ScenarioDriver } from './scenarios/driver.ts';
import { INCIDENT_FACTORIES } from './scenarios/index.ts';
import type { ScenarioSpec } from './scenarios/scenario.ts';
import { Scheduler } from './scheduler/scheduler.ts';

export interface ControlPlane {
  /** In the order they run each tick. */
  components: Component[];
  /** The controller manager's part: what settles a freshly loaded cluster's statuses. */
  controllers: Component[];
  kubelets: KubeletFleet;
  scenarios: ScenarioDriver;
  scheduler: Scheduler;
}

/**
 * Everything that acts on the store, in the fixed order of a tick: incidents first (their causes
 * are in place before anyone looks), then the controller manager's controllers, the scheduler,
 * and the kubelets last, so a pod created this tick is scheduled this tick and starts on the next.
 */
export function buildControlPlane(
  ctx: SimContext,
  effects: IncidentEffects,
  scenarios: readonly ScenarioSpec[],
  startMs: number,
): ControlPlane {
  const kubelets = new KubeletFleet(ctx, startMs);
  const driver = new ScenarioDriver(ctx, effects, INCIDENT_FACTORIES, scenarios, startMs);
  const scheduler = new Scheduler(ctx);
  const controllers: Component[] = [
    new NodeLifecycleController(ctx, (node) => kubelets.lastHeartbeat(node)),
    new TaintEvictionController(ctx),
    new GarbageCollector(ctx),
    new DeploymentController(ctx),
    new ReplicaSetController(ctx),
    new StatefulSetController(ctx),
    new DaemonSetController(ctx),
    new JobController(ctx),
    new DisruptionController(ctx),
  ];
  const components: Component[] = [
    driver,
    ...controllers,
    new PodGarbageCollector(ctx),
    new HorizontalPodAutoscalerController(ctx, (pod, nowMs) => {
      const node = pod.spec.nodeName;
      if (!node || pod.status?.phase !== 'Running' || !kubelets.isUp(node)) return undefined;
      return ctx.usage.podDemand(pod, node, nowMs).cpuMillis;
    }),
    scheduler,
    kubelets,
  ];
  return { components, controllers, kubelets, scenarios: driver, scheduler };
}
