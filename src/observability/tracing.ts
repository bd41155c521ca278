import { trace, Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, SimpleSpanProcessor, SpanExporter } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

// OpenTelemetry traces: HTTP (server and client spans), Express (middleware and routes), GraphQL operations
// (src/graphql/compiled-execution.ts) and PostgreSQL statements (the `pg` driver TypeORM and graphile-worker use).
// Instrumentations patch modules as they load, so this runs before anything requires http, express or pg:
// main.ts imports ./register-tracing first.

export const SERVICE_NAME = 'marketplace-ticketing-api';

/** Probes that would drown the traces, like the request log. */
const UNTRACED_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

export interface TracingOptions {
  /** Where spans go; the OTLP/HTTP exporter (OTEL_EXPORTER_OTLP_* variables) unless given. */
  exporter?: SpanExporter;
  /** Export each span as it ends (tests) instead of in batches. */
  exportEachSpan?: boolean;
}

export interface Tracing {
  provider: NodeTracerProvider;
  /** Exports what is buffered and stops; call on shutdown. */
  shutdown(): Promise<void>;
}

export function startTracing(options: TracingOptions = {}): Tracing {
  const exporter = options.exporter ?? new OTLPTraceExporter();
  const provider = new NodeTracerProvider({
    resource: defaultResource().merge(resourceFromAttributes({ [ATTR_SERVICE_NAME]: process.env.OTEL_SERVICE_NAME ?? SERVICE_NAME })),
    spanProcessors: [options.exportEachSpan ? new SimpleSpanProcessor(exporter) : new BatchSpanProcessor(exporter)],
  });
  provider.register();
  const unregister = registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (request) => UNTRACED_PATHS.has((request.url ?? '').split('?')[0]) }),
      new ExpressInstrumentation(),
      // Statements outside a traced request (the worker's polling, the event listener) would each start a trace.
      new PgInstrumentation({ requireParentSpan: true }),
    ],
  });
  return {
    provider,
    async shutdown() {
      unregister();
      await provider.shutdown();
    },
  };
}

/** The tracer of this service's own spans (GraphQL operations); a no-op until startTracing registers a provider. */
export function serviceTracer(): Tracer {
  return trace.getTracer(SERVICE_NAME);
}
