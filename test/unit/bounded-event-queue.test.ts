import { BoundedEventQueue } from '../../src/events/bounded-event-queue';

function queue(capacity = 3) {
  const ends: string[] = [];
  const events = new BoundedEventQueue<number | Error>({
    capacity,
    overflowItem: () => new Error('too slow'),
    onEnd: () => ends.push('ended'),
  });
  return { events, ends };
}

describe('BoundedEventQueue', () => {
  it('hands out pushed items in order, to a waiting reader at once', async () => {
    const { events } = queue();
    events.push(1);
    events.push(2);
    expect(await events.next()).toEqual({ value: 1, done: false });
    expect(await events.next()).toEqual({ value: 2, done: false });
    const waiting = events.next();
    events.push(3);
    expect(await waiting).toEqual({ value: 3, done: false });
  });

  it('on overflow hands out what it holds, then the overflow item, then ends', async () => {
    const { events, ends } = queue(2);
    for (const item of [1, 2, 3, 4]) events.push(item);
    const received: Array<number | Error> = [];
    for await (const item of events) received.push(item);
    expect(received).toEqual([1, 2, new Error('too slow')]);
    expect(ends).toEqual(['ended']);
  });

  it('completes a waiting reader when ended, and ends once when the consumer returns', async () => {
    const { events, ends } = queue();
    const waiting = events.next();
    events.end();
    expect(await waiting).toEqual({ value: undefined, done: true });
    expect(ends).toEqual(['ended']);

    const other = queue();
    other.events.push(1);
    expect(await other.events.return()).toEqual({ value: undefined, done: true });
    expect(await other.events.next()).toEqual({ value: undefined, done: true });
    other.events.push(2);
    other.events.end();
    expect(other.ends).toEqual(['ended']);
  });
});
