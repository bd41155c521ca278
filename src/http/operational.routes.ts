import express from 'express';
import { DataSource } from 'typeorm';
import { hasPendingMigrations } from '../db/data-source';
import { ServerMetrics } from '../metrics/server-metrics';
import { ShutdownState } from './connection-drain';

/** `/healthz` (the process answers), `/readyz` (it can serve: database reachable and migrated), `/metrics`. */
export function serveOperationalRoutes(
  app: express.Express,
  { dataSource, metrics, shutdown }: { dataSource: DataSource; metrics: ServerMetrics; shutdown: ShutdownState },
): void {
  app.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });
  // Unauthenticated like the health checks: operational numbers only, no records. Expose it to the scraper only.
  app.get('/metrics', async (_request, response) => {
    response.setHeader('content-type', metrics.registry.contentType);
    response.send(await metrics.scrape());
  });
  app.get('/readyz', async (_request, response) => {
    if (shutdown.isShuttingDown) {
      response.status(503).json({ status: 'shutting down' });
      return;
    }
    try {
      await dataSource.query('SELECT 1');
      if (await hasPendingMigrations(dataSource)) {
        response.status(503).json({ status: 'migrations pending' });
        return;
      }
      response.json({ status: 'ready' });
    } catch {
      response.status(503).json({ status: 'database unreachable' });
    }
  });
}
