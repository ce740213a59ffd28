/**
 * A scenario line as words: `tokenize` splits it (words, "quoted text", `#` comments), and
 * `Words` hands them to the parser left to right, each `take` saying what it expected, so a
 * malformed line is refused with what was expected where.
 */

/** Splits a line into words and "quoted strings"; a `#` at a word's start begins a comment. */
export function tokenize(line: string): string[] {
  const words: string[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '#') {
      break;
    } else if (c === '"') {
      let text = '';
      for (i++; ; i++) {
        if (i >= line.length) throw new Error('a quoted text is not closed: add the final "');
        if (line[i] === '\\' && i + 1 < line.length) text += line[++i];
        else if (line[i] === '"') break;
        else text += line[i];
      }
      i++;
      words.push(text);
    } else {
      const start = i;
      while (i < line.length && !/\s/.test(line[i])) i++;
      words.push(line.slice(start, i));
    }
  }
  return words;
}

/** The words of one step, consumed left to right; each `take` says what it expected. */
export class Words {
  private at = 0;
  constructor(private readonly words: string[]) {}

  take(what: string): string {
    const w = this.words[this.at++];
    if (w === undefined) throw new Error(`expected ${what} after "${this.words.slice(0, this.at - 1).join(' ')}"`);
    return w;
  }
  peek(): string | undefined {
    return this.words[this.at];
  }
  oneOf<T extends string>(what: string, choices: readonly T[]): T {
    const w = this.take(`${what} (${choices.join(' | ')})`);
    if (!(choices as readonly string[]).includes(w))
      throw new Error(`expected ${what} (${choices.join(' | ')}), not "${w}"`);
    return w as T;
  }
  number(what: string, { integer = false, min = 0 } = {}): number {
    const w = this.take(what);
    const n = Number(w.replace(/s$/, ''));
    if (!Number.isFinite(n) || (integer && !Number.isInteger(n)) || n < min)
      throw new Error(
        `expected ${what} (${integer ? 'a whole number' : 'a number'}${min ? ` ≥ ${min}` : ''}), not "${w}"`,
      );
    return n;
  }
  /** Signed pixels, for scroll deltas. */
  signed(what: string): number {
    const w = this.take(what);
    const n = Number(w);
    if (!Number.isFinite(n)) throw new Error(`expected ${what} (a number), not "${w}"`);
    return n;
  }
  url(what: string): string {
    const w = this.take(what);
    if (!/^(https?|minium):\/\/\S+$/.test(w)) throw new Error(`expected ${what} (https://… or minium://…), not "${w}"`);
    return w;
  }
  end(): void {
    if (this.at < this.words.length) throw new Error(`unexpected "${this.words.slice(this.at).join(' ')}" at the end`);
  }
}
