// Plain input of the use cases (services never see GraphQL classes); src/graphql/inputs/ticket-details.input.ts
// implements each interface, so the schema and the service agree by the compiler.
import { WantedOutcome } from '../../domain/enums';

/** Facts an agent would otherwise ask for. Which ones a category needs is listed in docs/routing.md; missing ones are asked for by the bot. */
export interface TicketDetailsParams {
  readonly trackingNumber?: string;
  readonly leftAtDoor?: boolean;
  readonly neighboursChecked?: boolean;
  readonly reason?: string;
  readonly opened?: boolean;
  readonly wantedOutcome?: WantedOutcome;
  readonly paymentMethod?: string;
  readonly chargeDate?: string;
  readonly amount?: number;
  readonly doubleCharge?: boolean;
  readonly canSignIn?: boolean;
  readonly secondFactorInUse?: boolean;
  readonly recentChanges?: string;
  readonly takeoverReported?: boolean;
  readonly unauthorisedOrders?: boolean;
  readonly deviceModel?: string;
  readonly appVersion?: string;
  readonly osVersion?: string;
  readonly stepsToReproduce?: string;
}
