import { FoundationSchema1763798400000 } from '../../migrations/1763798400000-foundation-schema';
import { RoutingRules1763798500000 } from '../../migrations/1763798500000-routing-rules';
import { ApiKeys1763798600000 } from '../../migrations/1763798600000-api-keys';
import { SlaClocks1763798700000 } from '../../migrations/1763798700000-sla-clocks';
import { Webhooks1763798800000 } from '../../migrations/1763798800000-webhooks';
import { TicketNumbersBeyondAMillion1763798900000 } from '../../migrations/1763798900000-ticket-numbers-beyond-a-million';
import { TicketDeadlines1764000000000 } from '../../migrations/1764000000000-ticket-deadlines';
import { FollowUpsNameNoEarlierTicket1765100000000 } from '../../migrations/1765100000000-follow-ups-name-no-earlier-ticket';
import { SlaMinutesInDoublePrecision1765300000000 } from '../../migrations/1765300000000-sla-minutes-in-double-precision';
import { AdminReferenceData1765300001000 } from '../../migrations/1765300001000-admin-reference-data';
import { TicketRoutingFacts1765300002000 } from '../../migrations/1765300002000-ticket-routing-facts';
import { SellerSilenceFromClocks1765300003000 } from '../../migrations/1765300003000-seller-silence-from-clocks';
import { IntakeModel1765600000000 } from '../../migrations/1765600000000-intake-model';
import { WorkBudgets1765700000000 } from '../../migrations/1765700000000-work-budgets';
import { TeamsAndQueues1765720000000 } from '../../migrations/1765720000000-teams-and-queues';
import { SlaScorecards1765730000000 } from '../../migrations/1765730000000-sla-scorecards';
import { IdempotencyInputDigests1765800000000 } from '../../migrations/1765800000000-idempotency-input-digests';
import { CallbackRequests1765810000000 } from '../../migrations/1765810000000-callback-requests';
import { FollowUpsPageIndex1765900000000 } from '../../migrations/1765900000000-follow-ups-page-index';
import { ApiKeyPermissions1765920000000 } from '../../migrations/1765920000000-api-key-permissions';
import { WritePathIndexes1765940000000 } from '../../migrations/1765940000000-write-path-indexes';
import { PartitionedTicketEvents1765940100000 } from '../../migrations/1765940100000-partitioned-ticket-events';

/** Every migration, oldest first. A committed migration is never edited: add a new one to the end. */
export const MIGRATIONS = [
  FoundationSchema1763798400000,
  RoutingRules1763798500000,
  ApiKeys1763798600000,
  SlaClocks1763798700000,
  Webhooks1763798800000,
  TicketNumbersBeyondAMillion1763798900000,
  TicketDeadlines1764000000000,
  FollowUpsNameNoEarlierTicket1765100000000,
  SlaMinutesInDoublePrecision1765300000000,
  AdminReferenceData1765300001000,
  TicketRoutingFacts1765300002000,
  SellerSilenceFromClocks1765300003000,
  IntakeModel1765600000000,
  WorkBudgets1765700000000,
  TeamsAndQueues1765720000000,
  SlaScorecards1765730000000,
  IdempotencyInputDigests1765800000000,
  CallbackRequests1765810000000,
  FollowUpsPageIndex1765900000000,
  ApiKeyPermissions1765920000000,
  WritePathIndexes1765940000000,
  PartitionedTicketEvents1765940100000,
];
