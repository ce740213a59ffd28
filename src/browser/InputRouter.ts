/**
 * Input to tabs and its latency: one InputRouter per Browser. Each input gets an id and is sent
 * to the tab's renderer; when a display compositor reports the id on screen, an
 * `input-presented` event says how long it took from the browser receiving the input. Inputs
 * never presented (their frame changed nothing, their renderer died) are forgotten after a while.
 */
import type { BrowserEvent } from '../common/controlApi';
import type { Emitter } from '../common/Emitter';
import { errors } from '../common/errors';
import { InputEvent, parseMessage } from '../common/protocol';
import type { Tab } from './TabStrip';
import { FLOWS } from '../common/TraceRecorder';
import { tracer } from '../platform/tracing';

/** How long an input waits to be presented before it is forgotten. */
export const INPUT_KEPT_MS = 10_000;

export class InputRouter {
  private nextId = 1;
  /** Inputs sent and not yet on screen: when each was received, for its latency. */
  private readonly pending = new Map<number, { tabId: number; at: number }>();

  constructor(
    private readonly events: Emitter<BrowserEvent>,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  send(tab: Tab, event: unknown): { inputId: number } {
    const parsed = parseMessage(InputEvent, event);
    if (!parsed.ok) throw errors.badRequest(`not an input event: ${parsed.reason}`);
    if (!tab.host || tab.host.state === 'gone') throw errors.tabNotLive(tab.id);
    const inputId = this.nextId++;
    const now = this.clock();
    for (const [id, p] of this.pending) if (now - p.at > INPUT_KEPT_MS) this.pending.delete(id);
    this.pending.set(inputId, { tabId: tab.id, at: now });
    const host = tab.host;
    tracer.slice(
      'RenderWidgetHostImpl::ForwardInputEvent',
      () => {
        tracer.flow('s', FLOWS.input, inputId);
        host.send({ type: 'input', tabId: tab.id, inputId, event: parsed.value });
      },
      { type: parsed.value.type, inputId, tabId: tab.id },
    );
    return { inputId };
  }

  /** A display compositor put these inputs' effects on screen. */
  presented(inputIds: readonly number[]): void {
    tracer.slice('RenderWidgetHostImpl::OnInputPresented', () => {
      const now = this.clock();
      for (const inputId of inputIds) {
        const p = this.pending.get(inputId);
        if (!p) continue;
        this.pending.delete(inputId);
        tracer.flow('f', FLOWS.input, inputId);
        this.events.fire({ type: 'input-presented', tabId: p.tabId, inputId, latencyMs: now - p.at });
      }
    });
  }
}
