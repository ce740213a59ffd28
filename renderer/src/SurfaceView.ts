/**
 * Shows one tab's surface, as composited by the display compositor (GPU process): a WebSocket to
 * it, a full picture first and then damaged rectangles, drawn into a canvas. When the GPU process
 * dies the socket closes; the view asks for the new display and reconnects. Clicks and wheel
 * turns on the canvas become the tab's input, in surface pixels; wheel turns are coalesced per
 * animation frame, as Chromium coalesces them.
 */
import type { DisplayInfo, InputEvent } from '../../src/common/controlApi';

interface DamageHeader {
  surfaceId: string;
  seq: number;
  surface: { w: number; h: number };
  rect: { x: number; y: number; w: number; h: number };
}

const LINE_PX = 40;

export class SurfaceView {
  private socket: WebSocket | null = null;
  private surfaceId: string | null = null;
  private readonly ctx: CanvasRenderingContext2D;
  private url: string | null = null;
  private wheel: Extract<InputEvent, { type: 'wheel' }> | null = null;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly getDisplay: () => Promise<DisplayInfo>,
    private readonly onInput: (e: InputEvent) => void,
  ) {
    this.ctx = canvas.getContext('2d')!;
    canvas.addEventListener('click', (e) => {
      if (this.surfaceId) this.onInput({ type: 'click', ...this.toSurface(e) });
    });
    canvas.addEventListener(
      'wheel',
      (e) => {
        if (!this.surfaceId) return;
        e.preventDefault();
        const scale = e.deltaMode === 1 ? LINE_PX : e.deltaMode === 2 ? this.canvas.height : 1;
        if (!this.wheel) {
          this.wheel = { type: 'wheel', ...this.toSurface(e), dx: 0, dy: 0 };
          requestAnimationFrame(() => {
            if (this.wheel) this.onInput(this.wheel);
            this.wheel = null;
          });
        }
        this.wheel.dx += e.deltaX * scale;
        this.wheel.dy += e.deltaY * scale;
      },
      { passive: false },
    );
  }

  show(surfaceId: string | null): void {
    if (surfaceId === this.surfaceId) return;
    this.surfaceId = surfaceId;
    this.ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    this.sendShow();
  }

  /** The display is known or moved (GPU restart or fallback): connect to it. */
  displayChanged(display: DisplayInfo): void {
    if (display.url && display.url !== this.url) this.connect(display.url);
  }

  /** A pointer position in surface pixels (the canvas may be drawn smaller than the surface). */
  private toSurface(e: MouseEvent): { x: number; y: number } {
    const r = this.canvas.getBoundingClientRect();
    return {
      x: Math.round(((e.clientX - r.left) * this.canvas.width) / r.width),
      y: Math.round(((e.clientY - r.top) * this.canvas.height) / r.height),
    };
  }

  private connect(url: string): void {
    this.url = url;
    this.socket?.close();
    const ws = new WebSocket(url);
    ws.binaryType = 'arraybuffer';
    this.socket = ws;
    ws.onopen = () => this.sendShow();
    ws.onmessage = (m) => this.draw(m.data as ArrayBuffer);
    ws.onclose = () => {
      if (this.socket !== ws) return;
      this.socket = null;
      this.url = null;
      // The GPU process may be restarting: ask where the display is now.
      setTimeout(
        () =>
          void this.getDisplay().then(
            (d) => this.displayChanged(d),
            () => undefined,
          ),
        500,
      );
    };
  }

  private sendShow(): void {
    if (this.socket?.readyState === WebSocket.OPEN)
      this.socket.send(JSON.stringify({ type: 'show', surfaceId: this.surfaceId }));
  }

  private draw(data: ArrayBuffer): void {
    if (!(data instanceof ArrayBuffer)) return;
    const view = new DataView(data);
    const headerLength = view.getUint32(0);
    const header = JSON.parse(new TextDecoder().decode(new Uint8Array(data, 4, headerLength))) as DamageHeader;
    if (header.surfaceId !== this.surfaceId) return;
    if (this.canvas.width !== header.surface.w || this.canvas.height !== header.surface.h) {
      this.canvas.width = header.surface.w;
      this.canvas.height = header.surface.h;
    }
    const { x, y, w, h } = header.rect;
    const pixels = new Uint8ClampedArray(data, 4 + headerLength, w * h * 4);
    this.ctx.putImageData(new ImageData(pixels, w, h), x, y);
  }
}
