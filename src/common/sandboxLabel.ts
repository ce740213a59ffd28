/** How the Task Manager names what a process runs under: short enough for a column, plain about gaps. */
import type { ProcessRole } from './controlApi';
import type { SandboxReport } from './protocol';

/** `report` is absent for the browser, and for a child until its `ready` (a spare being launched, say). */
export function sandboxLabel(report: SandboxReport | undefined, role: ProcessRole): string {
  if (!report)
    return role === 'browser' ? 'none: the browser process is trusted' : 'not reported yet: the process is starting';
  const model = report.permissionModel ? ' + Node permission model' : '';
  if (report.os === 'none') return `none: no OS sandbox on this platform${model}`;
  if (report.os === 'off') return `off: the browser was started without the sandbox${model}`;
  const landlock = report.landlock === false ? ' (no Landlock in this kernel)' : ` + Landlock ABI ${report.landlock}`;
  return `seccomp-bpf${landlock}${model}${report.tcp ? '; TCP allowed' : ''}`;
}

/** The details behind the label, as the kernel reported them. */
export function sandboxDetails(report: SandboxReport | undefined, role: ProcessRole): string {
  if (!report || report.os !== 'on') return sandboxLabel(report, role);
  return (
    `Seccomp: 2 (${report.seccompFilters} filter${report.seccompFilters === 1 ? '' : 's'}), ` +
    `NoNewPrivs: ${report.noNewPrivs ? 1 : 0}, applied in ${report.applyMicros} µs`
  );
}
