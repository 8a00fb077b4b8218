import { Router } from 'express';

export interface HealthChecks {
  database(): Promise<boolean>;
  jobs(): Promise<boolean>;
  /** False while starting and once shutdown has begun, so load balancers stop sending traffic. */
  accepting(): boolean;
}

/** `/healthz`: the process is up. `/readyz`: it can serve (database and jobs answer). */
export function healthRoutes(checks: HealthChecks): Router {
  const router = Router();
  router.get('/healthz', (_request, response) => {
    response.json({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) });
  });
  router.get('/readyz', async (_request, response) => {
    const accepting = checks.accepting();
    const [database, jobs] = accepting ? await Promise.all([checks.database(), checks.jobs()]) : [false, false];
    const ready = accepting && database && jobs;
    response.status(ready ? 200 : 503).json({
      status: ready ? 'ready' : accepting ? 'degraded' : 'unavailable',
      database: database ? 'ok' : 'down',
      jobs: jobs ? 'ok' : 'down',
    });
  });
  return router;
}
