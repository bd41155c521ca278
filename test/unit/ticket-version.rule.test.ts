import { UserErrorCode } from '../../src/domain/user-error';
import { ticketVersionConflict } from '../../src/rules/ticket-version.rule';

describe('ticketVersionConflict: the one optimistic-concurrency check of ticket changes', () => {
  it.each([
    { version: 3, expected: undefined, refused: false, why: 'no version named: not checked' },
    { version: 3, expected: null, refused: false, why: 'null named: not checked' },
    { version: 3, expected: 3, refused: false, why: 'the version read is current' },
    { version: 4, expected: 3, refused: true, why: 'the ticket moved on since it was read' },
    { version: 3, expected: 4, refused: true, why: 'a version from the future is no better' },
  ])('version $version, expected $expected: refused=$refused ($why)', ({ version, expected, refused }) => {
    const errors = ticketVersionConflict({ version }, expected);
    expect(errors.length > 0).toBe(refused);
    if (refused) {
      expect(errors).toEqual([
        {
          code: UserErrorCode.VERSION_CONFLICT,
          field: 'input.expectedVersion',
          message: `The ticket changed: it is at version ${version}, not ${expected}`,
        },
      ]);
    }
  });
});
