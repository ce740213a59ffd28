import { parse } from 'parse5';
import { assertBuildable } from '../NestingGuard';
import type { Document } from './Dom';

/**
 * Parses HTML as a browser does (parse5 follows the HTML standard's error recovery), after checking
 * it can be built in reasonable time.
 */
export function parseHtml(html: string): Document {
  assertBuildable(html);
  return parse(html);
}
