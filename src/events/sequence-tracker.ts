/**
 * Which event sequences an instance has read, so that it reads each committed event once although commits land
 * out of sequence order.
 *
 * A sequence is drawn at INSERT and becomes visible at COMMIT, so a reader can see 12 before 11 commits, or
 * never (11 rolled back). Moving a single position past 11 would skip it for good. Instead, every number below
 * the highest one read that was not seen is an open gap, read again with the next batch (`sequence = ANY(gaps)`;
 * a late commit sends its own NOTIFY, so it is found within one round trip). A gap still open after
 * `gapRetentionMs` is taken for a rollback and forgotten: an event whose transaction commits later than that
 * after inserting it reaches subscribers only through the event feed. Events of one ticket commit in sequence
 * order (every change locks its ticket first), so reading a late commit never reorders a ticket's events.
 */
export class SequenceTracker {
  private highestRead: bigint;
  /** Sequence → when it was first found missing (ms). Insertion order is age order. */
  private readonly openGaps = new Map<bigint, number>();

  constructor(
    startAfter: string,
    private readonly options: { gapRetentionMs: number; maximumOpenGaps: number },
  ) {
    this.highestRead = BigInt(startAfter);
  }

  /** What the next read asks for: sequences above `after`, and the open gaps. */
  readPosition(): { after: string; gaps: string[] } {
    return { after: this.highestRead.toString(), gaps: [...this.openGaps.keys()].map(String) };
  }

  /** Records sequences read (ascending); returns those never read before, in order. */
  accept(sequences: string[], nowMs: number): string[] {
    const fresh: string[] = [];
    for (const text of sequences) {
      const sequence = BigInt(text);
      if (this.openGaps.delete(sequence)) {
        fresh.push(text);
      } else if (sequence > this.highestRead) {
        const limit = BigInt(this.options.maximumOpenGaps);
        const firstMissing = sequence - this.highestRead - 1n > limit ? sequence - limit : this.highestRead + 1n;
        for (let missing = firstMissing; missing < sequence; missing += 1n) this.openGaps.set(missing, nowMs);
        this.highestRead = sequence;
        fresh.push(text);
      }
    }
    this.forgetBeyondLimit();
    return fresh;
  }

  /** Forgets gaps older than the retention (taken for rollbacks). */
  expireGaps(nowMs: number): void {
    for (const [sequence, noticedAtMs] of this.openGaps) {
      if (nowMs - noticedAtMs < this.options.gapRetentionMs) break;
      this.openGaps.delete(sequence);
    }
  }

  /**
   * Nobody is listening: jump to `sequence` (a committed one, from a NOTIFY) without reading, and forget the gaps.
   * A subscriber receives events committed after it subscribed; what came before is the feed's.
   */
  skipTo(sequence: string): void {
    const target = BigInt(sequence);
    if (target > this.highestRead) this.highestRead = target;
    this.openGaps.clear();
  }

  openGapCount(): number {
    return this.openGaps.size;
  }

  /** Bounds memory after a burst of rollbacks (or a jump of the identity): the oldest gaps go first. */
  private forgetBeyondLimit(): void {
    for (const sequence of this.openGaps.keys()) {
      if (this.openGaps.size <= this.options.maximumOpenGaps) return;
      this.openGaps.delete(sequence);
    }
  }
}
