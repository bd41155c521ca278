import { assertNever } from '../domain/enums';
import { SlaReportOutcome } from '../services/sla-report.service';
import { BadUserInputError, ForbiddenError } from '../domain/errors';
import { SlaReport } from './sla-report.type';

/**
 * The report, or its refusal thrown in the API's terms: FORBIDDEN like every query outside the caller's scope
 * (data null), BAD_USER_INPUT naming the field for a malformed request.
 */
export function slaReportOrRefusal(outcome: SlaReportOutcome): SlaReport {
  if (outcome.ok) return outcome.report;
  const { refusal } = outcome;
  switch (refusal.reason) {
    case 'FORBIDDEN':
      throw new ForbiddenError(refusal.message);
    case 'INVALID_INPUT':
      throw new BadUserInputError(refusal.message, refusal.field ?? undefined);
    default:
      return assertNever(refusal.reason);
  }
}
