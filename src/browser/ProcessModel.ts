/**
 * Process-per-site with a limit: tabs of one site share a renderer; different sites never do.
 * When the limit is reached, a new site is refused rather than put in another site's process.
 * Pure bookkeeping, no processes: tested as a state machine.
 */
export type Placement<H> = { kind: 'reuse'; host: H } | { kind: 'launch' } | { kind: 'limit'; limit: number };

export class ProcessModel<H> {
  private readonly bySite = new Map<string, H>();

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new Error(`The renderer process limit must be a whole number >= 1, not ${limit}`);
  }

  place(site: string): Placement<H> {
    const host = this.bySite.get(site);
    if (host) return { kind: 'reuse', host };
    return this.bySite.size < this.limit ? { kind: 'launch' } : { kind: 'limit', limit: this.limit };
  }

  add(site: string, host: H): void {
    if (this.bySite.has(site)) throw new Error(`Site ${site} already has a renderer`);
    this.bySite.set(site, host);
  }

  /** Forgets a host that is gone or shut down, freeing its slot under the limit. */
  remove(host: H): void {
    for (const [site, h] of this.bySite) if (h === host) this.bySite.delete(site);
  }

  get count(): number {
    return this.bySite.size;
  }
}
