import { systemContextOf } from './job-context';
import { JobDefinition } from './job-definition';

/** Every minute: tickets SOLVED for the whole reopen window (7 days) become CLOSED. */
export const closeSolvedTicketsJob: JobDefinition = {
  name: 'close-solved-tickets',
  cron: '* * * * *',
  async run(context) {
    const closed = await context.services.solvedTicketClosing.closeSolvedTickets(systemContextOf(context, 'close-solved-tickets'));
    if (closed > 0) context.log.info({ closed }, 'closed tickets solved for 7 days');
  },
};
