/**
 * Runs a lab for the Lab page in a process of its own (the labs block their thread and start
 * processes), one at a time, relaying its progress. The browser process may start processes;
 * the lab's report is checked for its shape before it is passed on.
 */
import { fork } from 'node:child_process';
import type { LabName, LabReport } from '../common/labReports';
import { MiniumError } from '../common/errors';
import { childEntry } from '../platform/paths';

export interface LabProgress {
  lab: LabName;
  done: number;
  total: number;
  label: string;
}

export class LabRunner {
  private running: LabName | null = null;

  async run(lab: LabName, quick: boolean, onProgress: (p: LabProgress) => void): Promise<LabReport> {
    if (this.running)
      throw new MiniumError(
        'lab-busy',
        409,
        `The ${this.running} lab is still running; ` +
          "one lab runs at a time, so that they do not disturb each other's figures.",
      );
    this.running = lab;
    try {
      return await new Promise<LabReport>((resolve, reject) => {
        const child = fork(childEntry('lab/labMain.js'), [`--lab=${lab}`, ...(quick ? ['--quick'] : [])], {
          stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
        });
        let stderr = '';
        child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
        child.on('message', (raw) => {
          const m = raw as { progress?: Omit<LabProgress, 'lab'>; report?: LabReport; error?: string };
          if (m.progress) onProgress({ lab, ...m.progress });
          else if (m.report && m.report.lab === lab && Array.isArray(m.report.verdicts)) resolve(m.report);
          else if (m.error) reject(new Error(`The ${lab} lab failed: ${m.error}`));
        });
        child.once('exit', (code, signal) =>
          reject(
            new Error(
              `The ${lab} lab process ended (${signal ?? `exit ${code}`}) without a report` +
                (stderr ? `: ${stderr.trim().split('\n').pop()}` : ''),
            ),
          ),
        );
      });
    } finally {
      this.running = null;
    }
  }
}
