import { ApolloServerPlugin } from '@apollo/server';
import { Histogram, Registry } from 'prom-client';

/** Distinct operation names labelled at most; later ones count as "other", so clients cannot grow the series without bound. */
const MAXIMUM_OPERATION_NAMES = 200;

/** Times every GraphQL operation over HTTP by operation name, type and outcome. */
export function createOperationTimingPlugin(registry: Registry): ApolloServerPlugin {
  const operationDuration = new Histogram({
    name: 'ticketing_graphql_operation_duration_seconds',
    help: 'GraphQL operations over HTTP, from request to response, by operation name and type',
    labelNames: ['operation_name', 'operation_type', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const labelledNames = new Set<string>();
  const operationLabel = (name: string | null | undefined): string => {
    if (!name) return 'anonymous';
    if (labelledNames.has(name)) return name;
    if (labelledNames.size >= MAXIMUM_OPERATION_NAMES) return 'other';
    labelledNames.add(name);
    return name;
  };
  return {
    async requestDidStart() {
      const startedAt = process.hrtime.bigint();
      return {
        async willSendResponse({ request, operation, response }) {
          const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
          const failed = response.body.kind === 'single' && (response.body.singleResult.errors?.length ?? 0) > 0;
          operationDuration.observe(
            {
              operation_name: operationLabel(operation?.name?.value ?? request.operationName),
              operation_type: operation?.operation ?? 'unknown',
              outcome: failed ? 'error' : 'ok',
            },
            seconds,
          );
        },
      };
    },
  };
}
