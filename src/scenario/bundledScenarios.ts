/**
 * The scenarios that ship with Minium (`assets/scenarios/*.scenario`), one per demonstration of
 * CLAIMS.md, and loading a scenario by name or by path. Shared by `minium scenario` and the
 * claims tour's Show me: one definition of each demonstration.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LIMITS } from '../common/limits';
import { ASSETS_DIR } from '../platform/paths';
import { parseScenario } from './ScenarioParser';
import type { Scenario } from './steps';

export const SCENARIO_DIR = path.join(ASSETS_DIR, 'scenarios');
const EXTENSION = '.scenario';

export function bundledScenarioNames(): string[] {
  return fs
    .readdirSync(SCENARIO_DIR)
    .filter((f) => f.endsWith(EXTENSION))
    .map((f) => f.slice(0, -EXTENSION.length))
    .sort();
}

/** A bundled scenario by name (`crash-isolation`), or a file by path (anything with a `/` or the extension). */
export function loadScenario(nameOrFile: string): Scenario {
  const isPath = nameOrFile.includes('/') || nameOrFile.endsWith(EXTENSION);
  const file = isPath ? path.resolve(nameOrFile) : path.join(SCENARIO_DIR, `${nameOrFile}${EXTENSION}`);
  if (!fs.existsSync(file))
    throw new Error(
      isPath
        ? `No scenario file at ${file}`
        : `No bundled scenario "${nameOrFile}"; there are: ${bundledScenarioNames().join(', ')}`,
    );
  const size = fs.statSync(file).size;
  if (size > LIMITS.scenarioFileBytes)
    throw new Error(`${file} is ${size} bytes; a scenario may be at most ${LIMITS.scenarioFileBytes}`);
  return parseScenario(
    fs.readFileSync(file, 'utf8'),
    isPath ? nameOrFile : path.relative(process.cwd(), file),
    path.basename(file, EXTENSION),
  );
}

export function bundledScenarios(): Scenario[] {
  return bundledScenarioNames().map((n) => loadScenario(n));
}
