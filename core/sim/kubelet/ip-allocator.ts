/**
 * Pod IPs from a node's podCIDR (a /24: .2 to .254, .1 is the bridge), lowest free first, like
 * the host-local IPAM plugin when addresses are released and reused.
 */
export class IpAllocator {
  private readonly used = new Set<number>();
  private readonly prefix: string | undefined;

  constructor(podCIDR: string | undefined, inUse: Iterable<string>) {
    const match = podCIDR ? /^(\d+\.\d+\.\d+\.)0\/24$/.exec(podCIDR) : null;
    this.prefix = match?.[1];
    for (const ip of inUse) this.markUsed(ip);
  }

  markUsed(ip: string): void {
    const host = this.hostOf(ip);
    if (host !== undefined) this.used.add(host);
  }

  /** The next free address, or undefined when the range is exhausted. */
  allocate(): string | undefined {
    if (this.prefix === undefined) return undefined;
    for (let host = 2; host <= 254; host++) {
      if (!this.used.has(host)) {
        this.used.add(host);
        return `${this.prefix}${host}`;
      }
    }
    return undefined;
  }

  release(ip: string | undefined): void {
    if (ip === undefined) return;
    const host = this.hostOf(ip);
    if (host !== undefined) this.used.delete(host);
  }

  private hostOf(ip: string): number | undefined {
    if (this.prefix === undefined || !ip.startsWith(this.prefix)) return undefined;
    const host = Number(ip.slice(this.prefix.length));
    return Number.isInteger(host) ? host : undefined;
  }
}
