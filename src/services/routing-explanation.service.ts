import { seesEverything } from '../auth/principal';
import { OrderFacts } from '../rules/routing.rule';
import { CustomerTier } from '../domain/enums';
import { BadUserInputError, ForbiddenError } from '../domain/errors';
import { ExplainRoutingParams, OrderFactsParams } from './params/explain-routing.params';
import { RoutingExplanation } from './views/routing-explanation.view';
import { TicketDetails } from '../rules/missing-details.rule';
import { classifyContact } from '../intake/contact-classifier';
import { decideIntake } from '../rules/intake.rule';
import { decodeIdArgument } from './id-arguments';
import { loadRoutingContext, routingRules } from './order-facts';
import { RequestContext } from './request-context';

function orderFactsFrom(input: OrderFactsParams): OrderFacts {
  return {
    soldByPlatform: input.soldByPlatform,
    fulfillment: input.fulfillment,
    status: input.status,
    promisedDeliveryAt: input.promisedDeliveryAt ?? null,
    shipment: input.shipment
      ? {
          status: input.shipment.status,
          deliveryMethod: input.shipment.deliveryMethod ?? null,
          shippedAt: input.shipment.shippedAt ?? null,
          deliveredAt: input.shipment.deliveredAt ?? null,
        }
      : null,
    return: input.return
      ? {
          status: input.return.status,
          requestedAt: input.return.requestedAt ?? null,
          receivedAt: input.return.receivedAt ?? null,
          refundedAt: input.return.refundedAt ?? null,
        }
      : null,
  };
}

export class RoutingExplanationService {
  /** Reads facts, writes nothing: the same pure decision openTicket makes. Platform staff and platform keys only. */
  async explainRouting(ctx: RequestContext, input: ExplainRoutingParams): Promise<RoutingExplanation> {
    if (!seesEverything(ctx.principal)) throw new ForbiddenError('explainRouting is for platform agents, admins and platform integrations');
    if (input.orderId && input.order) throw new BadUserInputError('Give orderId or inline order facts, not both', 'input.order');
    let order: OrderFacts | null = input.order ? orderFactsFrom(input.order) : null;
    let customerTier = input.customerTier ?? CustomerTier.STANDARD;
    if (input.orderId) {
      const orderId = decodeIdArgument(input.orderId, 'Order', 'input.orderId');
      const { context } = await loadRoutingContext(ctx.dataSource.manager, { customerId: null, orderId });
      if (!context?.order) throw new BadUserInputError('No such order', 'input.orderId');
      order = context.order.facts;
      customerTier = input.customerTier ?? context.customerTier;
    }
    const evaluatedAt = input.at ?? ctx.now();
    const rules = await routingRules.load(ctx.dataSource.manager);
    const decision = decideIntake(
      {
        subject: input.subject,
        body: input.body,
        pickedCategory: input.category ?? null,
        statedLanguage: input.language ?? null,
        details: (input.details ?? {}) as TicketDetails,
        customerTier,
        order,
      },
      rules,
      classifyContact,
      evaluatedAt,
    );
    return {
      owner: decision.routing.owner,
      rule: decision.routing.ruleId,
      ruleVersion: decision.routing.ruleVersion,
      reason: decision.routing.reason,
      category: decision.category,
      classificationConfidence: decision.classificationConfidence,
      categoryIsGuess: decision.categoryIsGuess,
      classifierModelVersion: decision.classifierModelVersion,
      language: decision.language,
      priority: decision.priority,
      missingDetails: decision.missingDetails,
      evaluatedAt,
    };
  }
}
