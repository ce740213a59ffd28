/**
 * Minium's crash, hang and loading figures beside Chromium's, for the window to show: the same
 * where Minium follows Chromium, and why where it differs on purpose. Each Chromium figure names
 * its constant, so a reader can look it up.
 */
import type { PolicyFigure } from '../common/controlApi';
import { LIMITS } from '../common/limits';
import { GPU_FALLBACK_CRASH_COUNT, GPU_FORGIVE_CRASH_MS } from './GpuCrashPolicy';
import { GPU_WATCHDOG_MS } from './GpuProcessHost';
import { HUNG_RENDERER_DELAY_MS } from './RenderProcessHost';

const seconds = (ms: number) => `${ms / 1000} s`;

export function policyFigures(hangTimeoutMs: number): PolicyFigure[] {
  return [
    {
      name: 'Hung renderer delay',
      minium: seconds(hangTimeoutMs),
      chromium: `${seconds(HUNG_RENDERER_DELAY_MS)} (kHungRendererDelay, desktop; 5 s on Android)`,
      ...(hangTimeoutMs !== HUNG_RENDERER_DELAY_MS && {
        differs: 'a demonstration setting (--short-hang), so a stuck page shows sooner',
      }),
    },
    {
      name: 'GPU watchdog',
      minium: seconds(GPU_WATCHDOG_MS),
      chromium: `${seconds(GPU_WATCHDOG_MS)} on Linux (kGpuWatchdogTimeout; 30 s Windows, 25 s macOS)`,
      differs:
        "the browser's hang clock hears nothing from the GPU process, where Chromium's watchdog is a thread inside it",
    },
    {
      name: 'GPU crashes before falling back',
      minium: String(GPU_FALLBACK_CRASH_COUNT),
      chromium: `${GPU_FALLBACK_CRASH_COUNT} (kGpuFallbackCrashCount; 6 on Android and ChromeOS)`,
    },
    {
      name: 'GPU crash forgiveness',
      minium: `one per ${GPU_FORGIVE_CRASH_MS / 60000} min`,
      chromium: `one per ${GPU_FORGIVE_CRASH_MS / 60000} min (kForgiveGpuCrashMinutes; 10 min at the last level)`,
    },
    {
      name: 'Last GPU fallback level',
      minium: 'compositing in the browser process',
      chromium: 'a GPU process that only composites; if it keeps crashing, the browser ends itself',
      differs: "Minium's display compositor is the same code in either process, so it can move into the browser",
    },
    {
      name: 'Network request timeout',
      minium: seconds(LIMITS.fetchTimeoutMs),
      chromium: 'no overall limit',
      differs: "a demo page slower than this is broken; the timeout frees the renderer's request slot",
    },
    {
      name: 'Largest page',
      minium: `${LIMITS.pageBytes / 1048576} MB`,
      chromium: 'no limit (streamed)',
      differs: 'a renderer gets a page whole, in one message: the limit bounds what each load holds in memory',
    },
  ];
}
