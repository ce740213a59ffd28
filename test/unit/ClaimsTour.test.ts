/**
 * The claims tour's verdicts come from what happened: a lab's verdicts, in the API's words, or
 * nothing yet; every claim of CLAIMS.md is listed, and the ones a bundled scenario names get it
 * as their demonstration.
 */
import { ClaimsTour } from '../../src/browser/ClaimsTour';
import { CLAIMS } from '../../src/browser/claimList';
import type { ControlApi } from '../../src/common/controlApi';
import type { ThreadsLabReport } from '../../src/common/labReports';

const tour = () => new ClaimsTour({} as ControlApi);

test('every claim is listed once, not run until a lab or a demonstration says otherwise', () => {
  const list = tour().list();
  expect(list.map((c) => c.id)).toEqual(CLAIMS.map((c) => c.id));
  expect(new Set(list.map((c) => c.id)).size).toBe(list.length);
  expect(list.every((c) => c.verdict === 'not-run')).toBe(true);
  expect(list.find((c) => c.id === 'MP2')).toMatchObject({
    demonstration: 'crash-isolation',
    evidence: 'Not shown yet: press Show me.',
  });
  expect(list.find((c) => c.id === 'MT3')).toMatchObject({ demonstration: 'thread-segfault' });
  expect(list.find((c) => c.id === 'BR3')).toMatchObject({ demonstration: 'plugin-crash' });
  expect(list.find((c) => c.id === 'MP4')).toMatchObject({ evidence: 'Not measured yet: run the labs (Labs).' });
  expect(list.find((c) => c.id === 'MP4')?.demonstration).toBeUndefined();
  expect(list.find((c) => c.id === 'RT4')).toMatchObject({ demonstration: 'worker-thread' });
  expect(list.find((c) => c.id === 'RT7')?.evidence).toMatch(/npx minium bench blocked-main/);
});

test('every claim is answered somewhere: a demonstration, a lab, or a benchmark', () => {
  const labClaims = ['SHM2', 'TB1', 'TB6'];
  const unanswered = tour()
    .list()
    .filter((c) => !c.demonstration && CLAIMS.find((x) => x.id === c.id)!.answer === 'show')
    .map((c) => c.id);
  expect(unanswered).toEqual(labClaims);
});

test("a lab's verdicts become the claims' verdicts, in the API's words, with the lab's reason", () => {
  const t = tour();
  const report: ThreadsLabReport = {
    lab: 'threads',
    date: '2026-11-25',
    machine: {},
    pairs: [],
    blast: [],
    visibility: [],
    verdicts: [
      { id: 'MT4', verdict: 'holds', because: 'a thread starts in 0.4 ms, a process in 31 ms' },
      { id: 'TB3', verdict: 'holds in part', because: 'RSS differs less than claimed' },
      { id: 'MP4', verdict: 'does not hold here', because: 'no difference measured' },
      { id: 'TB5', verdict: 'not measured', because: 'quick run' },
    ],
  };
  t.labRan(report);
  const byId = new Map(t.list().map((c) => [c.id, c]));
  expect(byId.get('MT4')).toMatchObject({
    verdict: 'holds',
    evidence: 'threads lab, 2026-11-25: a thread starts in 0.4 ms, a process in 31 ms',
  });
  expect(byId.get('TB3')?.verdict).toBe('in-part');
  expect(byId.get('MP4')?.verdict).toBe('not-here');
  expect(byId.get('TB5')?.verdict).toBe('not-run');
  expect(byId.get('MT5')?.verdict).toBe('not-run');
});

test('Show me refuses an unknown claim and a claim that has no demonstration', async () => {
  await expect(tour().show('XX9')).rejects.toThrow(/Claim XX9 was not found/);
  await expect(tour().show('MP4')).rejects.toThrow(/MP4 has no demonstration; it is measured by the labs/);
});
