import { Field, Float, InputType } from 'type-graphql';
import { WantedOutcome } from '../../domain/enums';
import { TicketDetailsParams } from '../../services/params/ticket-details.params';

@InputType({
  description:
    'Facts an agent would otherwise ask for. Which ones a category needs is listed in docs/routing.md; missing ones are asked for by the bot.',
})
export class TicketDetailsInput implements TicketDetailsParams {
  @Field(() => String, { nullable: true, description: "Delivery issues: the parcel's tracking number." })
  trackingNumber?: string;

  @Field(() => Boolean, { nullable: true, description: 'Delivery issues: the carrier reports it was left at the door (置き配).' })
  leftAtDoor?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Delivery issues: the customer asked the neighbours.' })
  neighboursChecked?: boolean;

  @Field(() => String, { nullable: true, description: "Returns and defects: what is wrong, in the customer's words." })
  reason?: string;

  @Field(() => Boolean, { nullable: true, description: 'Returns and defects: the package was opened.' })
  opened?: boolean;

  @Field(() => WantedOutcome, { nullable: true, description: 'Returns and defects: what the customer wants done.' })
  wantedOutcome?: WantedOutcome;

  @Field(() => String, { nullable: true, description: 'Payment: card, convenience store, …' })
  paymentMethod?: string;

  @Field(() => String, { nullable: true, description: 'Payment: date of the charge, YYYY-MM-DD.' })
  chargeDate?: string;

  @Field(() => Float, { nullable: true, description: 'Payment: amount charged, in the order currency.' })
  amount?: number;

  @Field(() => Boolean, { nullable: true, description: 'Payment: the same amount was charged twice.' })
  doubleCharge?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Account: the customer can still sign in.' })
  canSignIn?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Account: a second factor (SMS, app) is in use.' })
  secondFactorInUse?: boolean;

  @Field(() => String, { nullable: true, description: 'Account: recent changes (e-mail, password, phone).' })
  recentChanges?: string;

  @Field(() => Boolean, { nullable: true, description: 'Account: the customer reports a takeover. Raises the priority to URGENT.' })
  takeoverReported?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Account: orders the customer did not place. Raises the priority to URGENT.' })
  unauthorisedOrders?: boolean;

  @Field(() => String, { nullable: true, description: 'Digital service or device: model.' })
  deviceModel?: string;

  @Field(() => String, { nullable: true, description: 'Digital service: app version.' })
  appVersion?: string;

  @Field(() => String, { nullable: true, description: 'Digital service: operating system and version.' })
  osVersion?: string;

  @Field(() => String, { nullable: true, description: 'Digital service: steps to reproduce the problem.' })
  stepsToReproduce?: string;
}
