/**
 * The claims tour's side of the kernel: one per Browser. Every claim of CLAIMS.md with its
 * verdict on this machine, from what actually happened here: the verdicts of the labs run in
 * this browser, or the expectations of a demonstration performed with Show me. A claim's
 * demonstration is the bundled scenario whose header names it (`claim MP2`), the same file
 * `minium scenario run` plays; Show me runs its control-API steps against this browser.
 */
import type { ClaimInfo, ClaimVerdictWord, ControlApi } from '../common/controlApi';
import { errors } from '../common/errors';
import type { LabName, LabReport, Verdict } from '../common/labReports';
import { bundledScenarios } from '../scenario/bundledScenarios';
import { runScenario } from '../scenario/ScenarioRunner';
import type { Scenario } from '../scenario/steps';
import { CLAIMS } from './claimList';

/** The labs' verdict words in the API's words. */
const FROM_LAB: Record<Verdict, ClaimVerdictWord> = {
  holds: 'holds',
  'holds in part': 'in-part',
  'does not hold here': 'not-here',
  'not measured': 'not-run',
  'inconclusive here': 'inconclusive',
};

interface Outcome {
  verdict: ClaimVerdictWord;
  evidence: string;
}

export class ClaimsTour {
  private readonly labs = new Map<LabName, LabReport>();
  private readonly shown = new Map<string, Outcome>();
  private readonly demonstrations = new Map<string, Scenario>();
  private showing: string | null = null;

  /** `scenarios`: where demonstrations are found; the bundled ones, unless a test brings its own. */
  constructor(
    private readonly api: ControlApi,
    scenarios: Scenario[] = bundledScenarios(),
  ) {
    for (const s of scenarios)
      for (const id of s.claims) if (!this.demonstrations.has(id)) this.demonstrations.set(id, s);
  }

  /** A lab's report: its verdicts become the claims' evidence until a demonstration says otherwise. */
  labRan(report: LabReport): void {
    this.labs.set(report.lab, report);
  }

  list(): ClaimInfo[] {
    return CLAIMS.map((c) => this.info(c.id));
  }

  async show(id: string): Promise<ClaimInfo> {
    if (!CLAIMS.some((c) => c.id === id)) throw errors.notFound(`Claim ${id}`);
    const scenario = this.demonstrations.get(id);
    if (!scenario) throw errors.badRequest(`Claim ${id} has no demonstration; it is measured by the labs.`);
    if (this.showing) throw errors.claimBusy(this.showing);
    this.showing = id;
    try {
      const result = await runScenario(this.api, scenario, { out: () => undefined });
      const held = result.expects.filter((e) => e.held);
      const failed = result.expects.filter((e) => !e.held);
      const verdict: ClaimVerdictWord = result.error
        ? 'inconclusive'
        : failed.length === 0
          ? 'holds'
          : held.length > 0
            ? 'in-part'
            : 'not-here';
      const evidence = result.error
        ? `The demonstration (${scenario.name}) did not finish: ${result.error}`
        : `Shown live (${scenario.name}): ${held.length}/${result.expects.length} expectations held` +
          (held.length ? `; held: ${held.map((e) => e.text.replace(/^expect /, '')).join('; ')}` : '') +
          (failed.length
            ? `; not held: ${failed.map((e) => `${e.text.replace(/^expect /, '')} (${e.saw})`).join('; ')}`
            : '');
      this.shown.set(id, { verdict, evidence });
      return this.info(id);
    } finally {
      this.showing = null;
    }
  }

  private info(id: string): ClaimInfo {
    const claim = CLAIMS.find((c) => c.id === id)!;
    const demonstration = this.demonstrations.get(id)?.name;
    const outcome = this.shown.get(id) ??
      this.fromLabs(id) ?? {
        verdict: 'not-run' as const,
        evidence: demonstration
          ? 'Not shown yet: press Show me.'
          : claim.bench
            ? `Measured by a benchmark, not from this page: run \`npx minium bench ${claim.bench}\` in a terminal.`
            : 'Not measured yet: run the labs (Labs).',
      };
    return { id, claim: claim.claim, ...outcome, ...(demonstration ? { demonstration } : {}) };
  }

  private fromLabs(id: string): Outcome | undefined {
    for (const report of this.labs.values()) {
      const v = report.verdicts.find((x) => x.id === id);
      if (v)
        return {
          verdict: FROM_LAB[v.verdict],
          evidence: `${report.lab} lab, ${report.date}: ${v.because}`,
        };
    }
    return undefined;
  }
}
