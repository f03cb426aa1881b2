/**
 * Addresses in the simulated network. Derived from indices rather than stored, because every pod
 * would otherwise carry its own IP string.
 *
 * Nodes live in 10.0.0.0/16; node i owns the pod range 10.(64 + i / 256).(i % 256).0/24, the
 * per-node /24 that a kubeadm cluster with `--cluster-cidr=10.64.0.0/10` hands out.
 */

const FIRST_NODE_HOST = 10;

export function nodeInternalIP(nodeIndex: number): string {
  const host = nodeIndex + FIRST_NODE_HOST;
  return `10.0.${(host >> 8) & 255}.${host & 255}`;
}

export function nodePodCIDR(nodeIndex: number): string {
  return `10.${64 + (nodeIndex >> 8)}.${nodeIndex & 255}.0/24`;
}

/** .0 is the network and .1 the bridge, so pod slots start at .2. */
export function podIP(nodeIndex: number, slot: number): string {
  return `10.${64 + (nodeIndex >> 8)}.${nodeIndex & 255}.${slot + 2}`;
}

/** A /24 has 254 usable addresses, minus the bridge. */
export const MAX_POD_SLOTS_PER_NODE = 253;
