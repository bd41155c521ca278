import { startTracing, Tracing } from './tracing';

// Imported first by main.ts, before any module that opens sockets or talks to PostgreSQL: with
// OTEL_EXPORTER_OTLP_ENDPOINT set, traces are exported over OTLP/HTTP (the exporter reads the standard
// OTEL_EXPORTER_OTLP_* variables); without it nothing is registered and tracing costs nothing.

export const tracing: Tracing | null = process.env.OTEL_EXPORTER_OTLP_ENDPOINT ? startTracing() : null;
