/**
 * The claims tour: every claim of CLAIMS.md, in words, with its verdict on this machine and the
 * evidence for it (a lab's figure, or what a live demonstration saw), and Show me for the claims
 * a bundled scenario demonstrates: the browser plays it here, and its expectations decide.
 */
import type { ClaimInfo, ClaimVerdictWord } from '../../src/common/controlApi';
import type { ControlClient } from './ControlClient';

const VERDICT_WORDS: Record<ClaimVerdictWord, string> = {
  holds: 'holds',
  'in-part': 'holds in part',
  'not-here': 'does not hold here',
  inconclusive: 'inconclusive',
  'not-run': 'not run',
};

export class ClaimsPanel {
  private readonly rows = new Map<string, HTMLTableRowElement>();

  constructor(
    private readonly root: HTMLElement,
    private readonly body: HTMLElement,
    private readonly client: ControlClient,
    private readonly onError: (message: string) => void,
  ) {}

  toggle(): void {
    this.root.hidden = !this.root.hidden;
    if (!this.root.hidden) void this.load();
  }

  private async load(): Promise<void> {
    try {
      for (const c of await this.client.listClaims()) this.show(c);
    } catch (e) {
      this.onError(`Could not list the claims: ${(e as Error).message}`);
    }
  }

  private show(c: ClaimInfo): void {
    let row = this.rows.get(c.id);
    if (!row) {
      row = document.createElement('tr');
      row.dataset.claim = c.id;
      for (let i = 0; i < 5; i++) row.append(document.createElement('td'));
      this.rows.set(c.id, row);
      this.body.append(row);
    }
    const [id, claim, verdict, evidence, action] = row.children as unknown as HTMLTableCellElement[];
    id.textContent = c.id;
    claim.textContent = c.claim;
    verdict.textContent = VERDICT_WORDS[c.verdict];
    verdict.className = `verdict ${c.verdict}`;
    verdict.dataset.verdict = c.verdict;
    evidence.textContent = c.evidence;
    action.replaceChildren();
    if (c.demonstration) {
      const button = document.createElement('button');
      button.textContent = 'Show me';
      button.title = `Plays the ${c.demonstration} scenario in this browser`;
      button.addEventListener('click', () => void this.demonstrate(c, button));
      action.append(button);
    }
  }

  /**
   * The page steps aside while the demonstration plays, so its tabs and captions are seen; it
   * returns with the verdict.
   */
  private async demonstrate(c: ClaimInfo, button: HTMLButtonElement): Promise<void> {
    button.disabled = true;
    button.textContent = 'Showing…';
    this.root.hidden = true;
    try {
      this.show(await this.client.showClaim(c.id));
    } catch (e) {
      this.onError(`Show me (${c.id}): ${(e as Error).message}`);
      button.disabled = false;
      button.textContent = 'Show me';
    } finally {
      this.root.hidden = false;
    }
  }
}
