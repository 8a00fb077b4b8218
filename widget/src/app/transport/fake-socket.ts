import type { WidgetSocket } from './socket-types';

type Handler = (...args: never[]) => unknown;

/** Just enough of a Socket.IO client socket to drive the connection logic; `reply` plays the server's acks. */
export class FakeSocket {
  connected = false;
  active = true;
  sent: Array<{ name: string; payload: Record<string, unknown> }> = [];
  reply: (name: string, payload: Record<string, unknown>) => unknown = () => ({ ok: true });
  private handlers = new Map<string, Handler[]>();

  on(name: string, handler: Handler) {
    this.handlers.set(name, [...(this.handlers.get(name) ?? []), handler]);
    return this;
  }

  /** The server emits `name`. */
  receive(name: string, ...args: unknown[]) {
    for (const handler of this.handlers.get(name) ?? []) (handler as (...values: unknown[]) => unknown)(...args);
  }

  /** Like Socket.IO's, `emitWithAck` needs its `this`: calling it detached fails here too. */
  timeout() {
    const socket = this;
    return {
      async emitWithAck(this: unknown, name: string, payload: Record<string, unknown>) {
        if (this === undefined) throw new TypeError('emitWithAck called without its socket');
        socket.sent.push({ name, payload });
        const answer = socket.reply(name, payload);
        if (answer === undefined) throw new Error('operation has timed out');
        return answer;
      },
    };
  }

  connect() {
    this.connected = true;
    this.receive('connect');
    return this;
  }

  drop(reason = 'transport close') {
    this.connected = false;
    this.receive('disconnect', reason);
  }

  asSocket(): WidgetSocket {
    return this as unknown as WidgetSocket;
  }
}

export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
