import { createHash } from 'node:crypto';
import { Router } from 'express';

/**
 * Placeholder product pictures for the demo store (`/demo/images/<handle>.svg`):
 * generated, so the product ships no image files and works offline.
 */
const palette = ['#1f4e79', '#2e7d32', '#8e2430', '#5d4037', '#37474f', '#6a1b9a', '#ad5d00', '#00695c'];

export function demoImageRoutes(): Router {
  const router = Router();
  router.get('/demo/images/:file', (request, response) => {
    const match = /^([a-z0-9-]{1,120})\.svg$/.exec(request.params.file);
    if (!match?.[1]) {
      response.status(404).json({ error: { code: 'not_found', message: 'No such demo image' } });
      return;
    }
    response.type('image/svg+xml').set('Cache-Control', 'public, max-age=86400').send(renderPlaceholder(match[1]));
  });
  return router;
}

export function renderPlaceholder(handle: string): string {
  const digest = createHash('sha256').update(handle).digest();
  const background = palette[(digest[0] ?? 0) % palette.length];
  const words = handle.split('-').filter(Boolean);
  const label = words
    .slice(0, 3)
    .map((word) => word[0]?.toUpperCase() + word.slice(1))
    .join(' ');
  const initials = words
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase())
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="600" viewBox="0 0 600 600" role="img" aria-label="${label}"><rect width="600" height="600" fill="${background}"/><circle cx="300" cy="260" r="120" fill="#ffffff" fill-opacity="0.15"/><text x="300" y="290" font-family="system-ui,sans-serif" font-size="96" font-weight="700" fill="#fff" text-anchor="middle">${initials}</text><text x="300" y="470" font-family="system-ui,sans-serif" font-size="34" fill="#fff" text-anchor="middle">${label}</text></svg>`;
}
