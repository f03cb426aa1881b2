import { keys } from '../../sim/store/api-resources.ts';
import type { ApiResource } from '../../sim/store/api-resources.ts';
import type { KubeObject } from '../../sim/store/kube-object.ts';
import type { StatusCause } from '../status.ts';
import { FieldErrors } from './field-errors.ts';
import {
  validateHorizontalPodAutoscaler,
  validateNode,
  validatePod,
  validatePodDisruptionBudget,
  validatePodUpdate,
} from './kinds.ts';
import {
  labelName,
  subdomainName,
  validateMetadataUpdate,
  validateObjectMeta,
  type NameRule,
} from './metadata.ts';
import { dns1035Label } from './names.ts';
import { validateSelectorUpdate, validateWorkload } from './workloads.ts';

/**
 * Validation on create and update: what kube-apiserver answers 422 Invalid to. Not every rule
 * of pkg/apis/.../validation, but the ones a person typing manifests or kubectl commands meets.
 */
export function validateObject(
  resource: ApiResource,
  resourceKey: string,
  object: KubeObject,
  current?: KubeObject,
): StatusCause[] {
  const errors = new FieldErrors();
  validateObjectMeta(object, resource.namespaced, nameRuleOf(resourceKey), errors);
  if (current) validateMetadataUpdate(object, current, errors);

  const workload = (restartPolicies: readonly string[], replicas = true) =>
    validateWorkload(object, errors, { restartPolicies, selectorRequired: true, replicas });
  switch (resourceKey) {
    case keys.nodes:
      validateNode(object, errors);
      break;
    case keys.pods:
      validatePod(object, errors);
      if (current) validatePodUpdate(object, current, errors);
      break;
    case keys.deployments:
    case keys.replicasets:
    case keys.statefulsets:
      workload(['Always']);
      if (current) validateSelectorUpdate(object, current, errors);
      break;
    case keys.daemonsets:
      workload(['Always'], false);
      if (current) validateSelectorUpdate(object, current, errors);
      break;
    case keys.jobs:
      validateWorkload(object, errors, {
        restartPolicies: ['OnFailure', 'Never'],
        selectorRequired: false,
        replicas: false,
      });
      break;
    case keys.horizontalpodautoscalers:
      validateHorizontalPodAutoscaler(object, errors);
      break;
    case keys.poddisruptionbudgets:
      validatePodDisruptionBudget(object, errors);
      break;
  }
  return errors.causes;
}

function nameRuleOf(resourceKey: string): NameRule {
  if (resourceKey === keys.namespaces) return labelName;
  if (resourceKey === keys.services) return dns1035Label;
  return subdomainName;
}
