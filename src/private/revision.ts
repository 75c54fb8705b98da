let last = 0;

/**
 * A number never handed out before in this process: constructs take a new one whenever they
 * change, so that what was computed from them can be kept until then.
 */
export function nextRevision(): number {
  return ++last;
}
