import { Counter, Gauge, Registry } from 'prom-client';
import { SubscriptionStatistics } from '../events/shared-subscription-executor';

/** The ticketEvents fan-out of this instance: subscribers, groups, executions and deliveries, read at scrape time. */
export function registerEventFanOutMetrics(registry: Registry, eventSubscriptions: SubscriptionStatistics): void {
  new Gauge({
    name: 'ticketing_event_subscribers',
    help: 'ticketEvents subscriptions open on this instance',
    registers: [registry],
    collect() {
      this.set(eventSubscriptions.subscriberCount());
    },
  });
  new Gauge({
    name: 'ticketing_event_subscription_groups',
    help: 'Groups of ticketEvents subscriptions sharing one execution per event (same document, variables and visibility)',
    registers: [registry],
    collect() {
      this.set(eventSubscriptions.groupCount());
    },
  });
  new Counter({
    name: 'ticketing_event_subscription_executions_total',
    help: 'Executions of subscription documents by the fan-out: one per event and group (not per subscriber)',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(eventSubscriptions.executionCount());
    },
  });
  new Counter({
    name: 'ticketing_event_subscription_deliveries_total',
    help: 'Subscription results handed to subscribers by the fan-out',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(eventSubscriptions.deliveryCount());
    },
  });
}
