import { apiResources, findResource, type ApiResource } from '../../sim/store/api-resources.ts';
import type { KubeObject } from '../../sim/store/kube-object.ts';
import { hpaV1Codec } from './hpa-v1.ts';

/**
 * More than one version of a resource, from one stored version, as kube-apiserver serves
 * autoscaling/v1 and v2 HPAs from the same objects. The resource table lists what the store
 * holds; this adds the versions clients still use (`kubectl autoscale` writes autoscaling/v1).
 */
export interface ResourceCodec {
  /** The stored object as this version shows it. */
  fromStorage(object: KubeObject): KubeObject;
  /** This version's object as the store keeps it; `stored` is the current object on updates. */
  toStorage(object: KubeObject, stored?: KubeObject): KubeObject;
}

const IDENTITY: ResourceCodec = { fromStorage: (o) => o, toStorage: (o) => o };

interface AlternateVersion {
  resource: ApiResource;
  codec: ResourceCodec;
}

function alternate(
  group: string,
  storageVersion: string,
  plural: string,
  version: string,
  codec: ResourceCodec,
): AlternateVersion {
  const stored = findResource(group, storageVersion, plural);
  if (!stored) throw new Error(`the resource table has no ${group}/${storageVersion} ${plural}`);
  return { resource: { ...stored, version }, codec };
}

const ALTERNATES: readonly AlternateVersion[] = [
  alternate('autoscaling', 'v2', 'horizontalpodautoscalers', 'v1', hpaV1Codec),
];

/** Every resource the server answers for: the stored versions first (they are preferred). */
export const servedResources: readonly ApiResource[] = [
  ...apiResources,
  ...ALTERNATES.map((a) => a.resource),
];

export function codecFor(resource: ApiResource): ResourceCodec {
  return (
    ALTERNATES.find(
      (a) =>
        a.resource.group === resource.group &&
        a.resource.version === resource.version &&
        a.resource.plural === resource.plural,
    )?.codec ?? IDENTITY
  );
}
