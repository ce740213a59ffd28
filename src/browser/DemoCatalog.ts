import * as fs from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import type { DemoInfo } from '../common/controlApi';
import { siteForUrl } from '../common/site';

const Manifest = z.array(
  z.object({ name: z.string(), url: z.string().url(), animated: z.boolean(), description: z.string() }),
);

/** The demo pages shipped in assets/sites, listed in its demos.json. */
export function loadDemoCatalog(sitesDir: string): DemoInfo[] {
  const file = path.join(sitesDir, 'demos.json');
  const parsed = Manifest.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file} is malformed: ${parsed.error.issues[0]?.message}`);
  return parsed.data.map((d) => ({ ...d, site: siteForUrl(new URL(d.url)) }));
}
