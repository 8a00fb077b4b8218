import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/postgres-adapter';
import type pg from 'pg';
import { Server } from 'socket.io';

/**
 * Socket.IO on the HTTP server, with room broadcasts carried between Closer
 * nodes through PostgreSQL (LISTEN/NOTIFY, large payloads via a table), so no
 * node keeps state another needs. The adapter's table lives in its own schema:
 * Prisma owns `public` and would otherwise see it as drift.
 */
const attachmentsTable = 'realtime.socket_io_attachments';

export async function prepareSocketAdapterTable(pool: pg.Pool): Promise<void> {
  await pool.query(`
    CREATE SCHEMA IF NOT EXISTS realtime;
    CREATE TABLE IF NOT EXISTS ${attachmentsTable} (
      id          bigserial UNIQUE,
      created_at  timestamptz DEFAULT now(),
      payload     bytea
    );`);
}

export function createSocketServer(httpServer: HttpServer, pool: pg.Pool): Server {
  const io = new Server(httpServer, {
    serveClient: false,
    // Widgets are embedded on merchants' sites; origins are checked per key at the handshake.
    cors: { origin: true, credentials: false },
    maxHttpBufferSize: 64 * 1024,
    connectionStateRecovery: undefined,
  });
  io.adapter(createAdapter(pool, { tableName: attachmentsTable, channelPrefix: 'closer_socket' }));
  return io;
}

/** Tells connected clients we are going away, then disconnects them so they reconnect elsewhere. */
export async function drainSockets(io: Server): Promise<void> {
  for (const namespace of io._nsps.values()) namespace.local.emit('server.shutdown', {});
  io.local.disconnectSockets(true);
  for (const namespace of io._nsps.values()) namespace.local.disconnectSockets(true);
  await new Promise<void>((resolve) => io.close(() => resolve()));
}
