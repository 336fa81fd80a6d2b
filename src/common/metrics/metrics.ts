import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: 'provisio_' });

const requests = new Counter({
  name: 'provisio_http_requests_total',
  help: 'HTTP requests by method, route and status',
  labelNames: ['method', 'route', 'status'] as const,
  registers: [metricsRegistry],
});
const duration = new Histogram({
  name: 'provisio_http_request_duration_seconds',
  help: 'HTTP request duration',
  labelNames: ['method', 'route'] as const,
  buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
  registers: [metricsRegistry],
});

export const httpMetrics = {
  observe(method: string, route: string, status: number, seconds: number) {
    requests.inc({ method, route, status: String(status) });
    duration.observe({ method, route }, seconds);
  },
};
