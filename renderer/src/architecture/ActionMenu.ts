/**
 * What clicking a box or a thread in the architecture view offers: the Task Manager's actions
 * (End process; Throw, Segfault or OOM on a renderer thread), in a small menu at the pointer.
 */
import type { ProcessInfo, ThreadInfo } from '../../../src/common/controlApi';
import type { ControlClient } from '../ControlClient';

interface Action {
  text: string;
  title: string;
  danger: boolean;
  run: () => Promise<unknown>;
}

export function actionsFor(client: ControlClient, p: ProcessInfo, t: ThreadInfo | undefined): Action[] {
  const end: Action = {
    text: `End process ${p.pid}`,
    title: 'SIGKILL, as the Task Manager does: the process and everything it draws ends',
    danger: true,
    run: () => client.killProcess(p.pid),
  };
  if (p.role === 'browser') return [];
  if (!t || p.role !== 'renderer' || t.state !== 'running') return [end];
  return [
    {
      text: `Throw on ${t.id}`,
      title: 'An uncaught exception: this thread ends, the process and its other threads go on',
      danger: false,
      run: () => client.crashThread(p.pid, t.id, 'exception'),
    },
    {
      text: `Segfault on ${t.id}`,
      title: 'A real invalid write: the whole process ends, every thread and tab in it',
      danger: true,
      run: () => client.crashThread(p.pid, t.id, 'segfault'),
    },
    {
      text: `OOM on ${t.id}`,
      title: "Exhaust this thread's own JS heap: the whole renderer ends as out of memory",
      danger: true,
      run: () => client.crashThread(p.pid, t.id, 'oom'),
    },
    end,
  ];
}

export class ActionMenu {
  readonly element = document.createElement('div');

  constructor(private readonly report: (message: string) => void) {
    this.element.className = 'arch-menu';
    this.element.hidden = true;
    this.element.setAttribute('role', 'menu');
  }

  open(x: number, y: number, heading: string, actions: Action[]): void {
    const h = document.createElement('div');
    h.className = 'arch-menu-heading';
    h.textContent = heading;
    const buttons = actions.map((a) => {
      const b = document.createElement('button');
      b.textContent = a.text;
      b.title = a.title;
      b.className = a.danger ? 'danger' : '';
      b.setAttribute('role', 'menuitem');
      b.addEventListener('click', () => {
        this.close();
        a.run().then(
          () => this.report(a.text),
          (e: Error) => this.report(`${a.text} failed: ${e.message}`),
        );
      });
      return b;
    });
    this.element.replaceChildren(h, ...buttons);
    this.element.style.left = `${x}px`;
    this.element.style.top = `${y}px`;
    this.element.hidden = false;
  }

  close(): void {
    this.element.hidden = true;
  }
}
