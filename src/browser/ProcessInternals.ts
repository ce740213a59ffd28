/**
 * What `minium://process-internals` shows (Chromium's chrome://process-internals): the process
 * limits, Minium's and Chromium's, side by side with why they differ; the isolation mode; which
 * site is locked to which renderer; the spare. It reads the registry and the tabs, owns nothing.
 */
import type { ProcessInternals } from '../common/controlApi';
import type { RendererRegistry } from './RendererRegistry';
import type { RendererLimits } from './RendererProcessLimit';
import type { TabStrip } from './TabStrip';

const ISOLATION = {
  mode: 'process-per-site',
  description:
    'Every site (scheme + registrable domain) gets a renderer of its own, locked to it: the renderer may load ' +
    'documents of that site only, and all of the site’s tabs share it. Different sites never share a renderer.',
  chromium:
    'Chromium’s desktop default is site-per-process: also one site per process, but a site’s tabs may get ' +
    'separate processes while under the limit, and cross-site iframes get processes of their own ' +
    '(Minium has no iframes).',
} as const;

const OVER_LIMIT = {
  chromium:
    'The limit is soft: at it, a new tab reuses an existing process that suits its site (a same-site one under ' +
    'site isolation); where isolation forbids every existing process, Chromium starts one more, over the limit.',
  minium:
    'The limit is hard: a site’s tabs always share its renderer already, and sharing across sites is forbidden, ' +
    'so a new site at the limit is refused (409 process-limit) until a renderer ends. On purpose: a teaching ' +
    'browser on a shared machine must not grow without bound.',
};

export function describeProcessModel(
  renderers: RendererRegistry,
  tabs: TabStrip,
  limits: RendererLimits,
): ProcessInternals {
  const spare = renderers.spare.current;
  const stats = renderers.spare.statistics;
  const locks = renderers
    .all()
    .filter((r) => r.site !== null && r.state !== 'gone')
    .map((r) => ({
      site: r.site as string,
      pid: r.pid,
      state: r.warmth,
      tabs: [...r.tabs].map((id) => ({ id, url: tabs.find(id)?.url ?? '' })),
      wasSpare: r.launchedAsSpare,
      threadsStartedMs: r.threadsStartedMs,
    }));
  return {
    isolation: { ...ISOLATION },
    limit: {
      inForce: renderers.processLimit,
      minium: limits.minium,
      chromium: limits.chromium,
      ...limits.basis,
      miniumOverLimit: OVER_LIMIT.minium,
      chromiumOverLimit: OVER_LIMIT.chromium,
    },
    lockedRenderers: locks.length,
    spare: {
      enabled: stats.enabled,
      pid: spare?.pid ?? null,
      state: spare ? spare.warmth : null,
      threadsStartedMs: spare?.threadsStartedMs ?? null,
      taken: stats.taken,
      coldLaunches: stats.coldLaunches,
      failedLaunches: stats.failedLaunches,
    },
    locks,
  };
}
