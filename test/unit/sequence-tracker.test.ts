import { SequenceTracker } from '../../src/events/sequence-tracker';

const tracker = (startAfter = '10', options: Partial<{ gapRetentionMs: number; maximumOpenGaps: number }> = {}) =>
  new SequenceTracker(startAfter, { gapRetentionMs: options.gapRetentionMs ?? 60_000, maximumOpenGaps: options.maximumOpenGaps ?? 100 });

describe('SequenceTracker', () => {
  it('reads after the start, and hands each sequence out once', () => {
    const reader = tracker();
    expect(reader.readPosition()).toEqual({ after: '10', gaps: [] });
    expect(reader.accept(['11', '12'], 0)).toEqual(['11', '12']);
    expect(reader.accept(['12', '13'], 0)).toEqual(['13']);
    expect(reader.accept(['9', '10'], 0)).toEqual([]);
    expect(reader.readPosition()).toEqual({ after: '13', gaps: [] });
  });

  it('keeps asking for a sequence that was overtaken, and hands it out when it commits', () => {
    const reader = tracker();
    expect(reader.accept(['11', '14'], 1_000)).toEqual(['11', '14']);
    expect(reader.readPosition()).toEqual({ after: '14', gaps: ['12', '13'] });
    expect(reader.accept(['13', '15'], 2_000)).toEqual(['13', '15']);
    expect(reader.readPosition()).toEqual({ after: '15', gaps: ['12'] });
    expect(reader.accept(['13'], 3_000)).toEqual([]);
  });

  it('takes a gap older than the retention for a rollback and stops asking', () => {
    const reader = tracker('10', { gapRetentionMs: 5_000 });
    reader.accept(['12'], 1_000);
    reader.accept(['15'], 4_000);
    reader.expireGaps(5_999);
    expect(reader.readPosition().gaps).toEqual(['11', '13', '14']);
    reader.expireGaps(6_000);
    expect(reader.readPosition().gaps).toEqual(['13', '14']);
    reader.expireGaps(9_000);
    expect(reader.readPosition().gaps).toEqual([]);
    expect(reader.accept(['11'], 9_000)).toEqual([]);
  });

  it('bounds the open gaps, forgetting the oldest, also across a jump of the sequence', () => {
    const reader = tracker('0', { maximumOpenGaps: 3 });
    reader.accept(['3'], 0);
    reader.accept(['6'], 1);
    expect(reader.readPosition().gaps).toEqual(['2', '4', '5']);
    reader.accept(['1000000000000'], 2);
    expect(reader.readPosition()).toEqual({ after: '1000000000000', gaps: ['999999999997', '999999999998', '999999999999'] });
  });

  it('jumps ahead without reading while nobody listens, never backwards', () => {
    const reader = tracker();
    reader.accept(['12'], 0);
    reader.skipTo('20');
    expect(reader.readPosition()).toEqual({ after: '20', gaps: [] });
    reader.skipTo('15');
    expect(reader.readPosition().after).toBe('20');
  });
});
