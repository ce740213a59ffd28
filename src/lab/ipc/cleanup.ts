/**
 * What the lab creates outside its own memory (folders, shared-memory segments, message queues)
 * is removed when it is done with, and — should the lab be interrupted first — when it exits.
 */
const pending = new Set<() => void>();
process.on('exit', () => pending.forEach((remove) => remove()));

/** Registers a removal for exit; call the returned function to remove now instead. */
export function removeOnExit(remove: () => void): () => void {
  pending.add(remove);
  return () => {
    if (pending.delete(remove)) remove();
  };
}
