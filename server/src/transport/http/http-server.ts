import http from 'node:http';
import express, { type Express } from 'express';
import { StartupError } from '../../platform/errors';

export function createHttpApp(): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  return app;
}

/** Binds the port first thing at start-up, so a busy port fails in milliseconds with one clear line. */
export async function listen(app: Express, port: number, host: string): Promise<http.Server> {
  const server = http.createServer(app);
  // Socket.IO keeps long polls open; the defaults would cut idle keep-alives too early behind proxies.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(
          new StartupError(`Port ${port} is already in use; stop the program using it or set PORT to a free port.`),
        );
      } else if (error.code === 'EACCES') {
        reject(new StartupError(`Not allowed to listen on port ${port}; set PORT to a port above 1024.`));
      } else {
        reject(error);
      }
    });
    server.listen(port, host, () => resolve());
  });
  return server;
}

export function closeHttpServer(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
