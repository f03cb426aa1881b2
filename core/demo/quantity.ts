/**
 * Quantities as the API server reads and writes them. Formatting in canonical form lives with
 * the simulator's Kubernetes types (core/sim/kube/quantity.ts) and parsing with the client side
 * (core/kube/quantity.ts); this module is the server's view of both.
 */
import { parseQuantity as parseOrNaN } from '../kube/quantity.ts';

export {
  formatBytes,
  formatCount,
  formatCpuMillis,
  formatCpuNanocores,
  formatMetricsBytes,
} from '../sim/kube/quantity.ts';

/** A resource.Quantity ("250m", "1.5", "128Mi", "1e3") in base units; undefined when malformed. */
export function parseQuantity(text: string): number | undefined {
  const value = parseOrNaN(text);
  return Number.isNaN(value) ? undefined : value;
}
