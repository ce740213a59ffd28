/** Cuts text to at most `max` characters, marking the cut, so an honest sender always fits the schema. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
