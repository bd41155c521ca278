import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Seller, TicketEvent } from '../entities';
import type { Connection } from '../domain/connection';
import type { GraphQLContext } from '../graphql/context';
import { CreateWebhookEndpointInput } from '../graphql/inputs/webhook.input';
import { WebhookDeliveryStatus, WebhookEndpointScope } from '../domain/enums';
import { toGlobalId } from '../domain/global-id';
import {
  CreateWebhookEndpointPayload,
  createWebhookEndpointPayload,
  RedeliverWebhookPayload,
  redeliverWebhookPayload,
  WebhookDelivery,
  WebhookDeliveryConnection,
  WebhookEndpoint,
  WebhookEndpointConnection,
  WebhookEndpointPayload,
  webhookEndpointPayload,
} from '../graphql/webhook.type';
import { PageArgs } from './ticket.resolver';

@ArgsType()
export class WebhookDeliveryArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: "Only this endpoint's deliveries." })
  endpointId?: string;

  @Field(() => WebhookDeliveryStatus, {
    nullable: true,
    description: 'Only deliveries in this state, e.g. DEAD for the dead letters to replay.',
  })
  status?: WebhookDeliveryStatus;
}

@Resolver(() => WebhookEndpoint)
export class WebhookEndpointResolver {
  @FieldResolver(() => ID, {
    name: 'id',
    description:
      'Opaque global id; pass it to disableWebhookEndpoint, enableWebhookEndpoint or as webhookDeliveries(endpointId:). `node(id:)` fetches the endpoint again (whoever manages it).',
  })
  globalId(@Root() endpoint: WebhookEndpoint): string {
    return toGlobalId('WebhookEndpoint', endpoint.id);
  }

  @FieldResolver(() => WebhookEndpointScope, { description: "PLATFORM, or SELLER for an endpoint that receives `seller`'s events." })
  scope(@Root() endpoint: WebhookEndpoint): WebhookEndpointScope {
    return endpoint.sellerId === null ? WebhookEndpointScope.PLATFORM : WebhookEndpointScope.SELLER;
  }

  @Query(() => WebhookEndpointConnection, {
    description: "Webhook endpoints you manage, newest first (admins: all; API keys: their scope's).",
  })
  webhookEndpoints(@Args() args: PageArgs, @Ctx() ctx: GraphQLContext): Promise<Connection<WebhookEndpoint>> {
    return ctx.services.webhookEndpoints.listWebhookEndpoints(ctx, args);
  }

  @Mutation(() => CreateWebhookEndpointPayload, {
    description:
      'Register an endpoint for signed event deliveries (Standard Webhooks). The signing secret is in the payload, and only there.',
  })
  async createWebhookEndpoint(
    @Arg('input', () => CreateWebhookEndpointInput, {
      description: 'The request; each field is described on `CreateWebhookEndpointInput`.',
    })
    input: CreateWebhookEndpointInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CreateWebhookEndpointPayload> {
    return createWebhookEndpointPayload(await ctx.services.webhookEndpoints.createWebhookEndpoint(ctx, input));
  }

  @Mutation(() => WebhookEndpointPayload, { description: 'Stop deliveries to an endpoint; attempts still queued are dead-lettered.' })
  async disableWebhookEndpoint(
    @Arg('id', () => ID, { description: "The endpoint's id." }) id: string,
    @Arg('reason', () => String, { nullable: true, description: 'Why, shown as `disabledReason`.' }) reason: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<WebhookEndpointPayload> {
    return webhookEndpointPayload(await ctx.services.webhookEndpoints.disableWebhookEndpoint(ctx, { id, reason }));
  }

  @Mutation(() => WebhookEndpointPayload, {
    description: 'Resume deliveries to a disabled endpoint (events from now on; replay dead letters with redeliverWebhook).',
  })
  async enableWebhookEndpoint(
    @Arg('id', () => ID, { description: "The endpoint's id." }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<WebhookEndpointPayload> {
    return webhookEndpointPayload(await ctx.services.webhookEndpoints.enableWebhookEndpoint(ctx, { id }));
  }

  @FieldResolver(() => Seller, { nullable: true, description: 'The seller a SELLER-scoped endpoint receives the events of.' })
  seller(@Root() endpoint: WebhookEndpoint, @Ctx() ctx: GraphQLContext): Promise<Seller | null> | null {
    return endpoint.sellerId ? ctx.loaders.sellerById.load(endpoint.sellerId) : null;
  }
}

@Resolver(() => WebhookDelivery)
export class WebhookDeliveryResolver {
  @FieldResolver(() => ID, {
    name: 'id',
    description: 'Opaque global id; pass it to redeliverWebhook. `node(id:)` fetches the delivery again (whoever manages its endpoint).',
  })
  globalId(@Root() delivery: WebhookDelivery): string {
    return toGlobalId('WebhookDelivery', delivery.id);
  }

  @FieldResolver(() => ID, { description: "The event's id: the `webhook-id` header of every attempt, the receiver's idempotency key." })
  eventId(@Root() delivery: WebhookDelivery): string {
    return toGlobalId('TicketEvent', delivery.eventSequence);
  }

  @Query(() => WebhookDeliveryConnection, { description: 'Deliveries to the webhook endpoints you manage, newest first.' })
  webhookDeliveries(@Args() args: WebhookDeliveryArgs, @Ctx() ctx: GraphQLContext): Promise<Connection<WebhookDelivery>> {
    return ctx.services.webhookDeliveries.listWebhookDeliveries(ctx, args);
  }

  @Mutation(() => RedeliverWebhookPayload, {
    description: 'Replay a delivery now with a fresh retry schedule (a dead letter, or an event the receiver lost). Same webhook-id.',
  })
  async redeliverWebhook(
    @Arg('deliveryId', () => ID, { description: "The delivery's id (`WebhookDelivery.id`)." }) deliveryId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RedeliverWebhookPayload> {
    return redeliverWebhookPayload(await ctx.services.webhookDeliveries.redeliverWebhook(ctx, { deliveryId }));
  }

  @FieldResolver(() => TicketEvent, { nullable: true, description: 'The event delivered, as you may see it.' })
  event(@Root() delivery: WebhookDelivery, @Ctx() ctx: GraphQLContext): Promise<TicketEvent | null> {
    return ctx.loaders.eventById.load(delivery.eventSequence);
  }
}
