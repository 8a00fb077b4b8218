import type { ManagerOptions, Socket, SocketOptions } from 'socket.io-client';
import type { Ack, AckData, ClientEvent, ClientEventName, ProtocolError, ServerEvents } from '../protocol';

export type { AckData } from '../protocol';

/** No acknowledgement in time, or not connected: the caller keeps the work for later. */
export type Reply<Name extends ClientEventName> = Ack<AckData[Name]> | { ok: false; error: { code: 'timeout' } };

export type ClientEvents = {
  [Name in ClientEventName]: (payload: ClientEvent<Name>, ack: (reply: Ack<AckData[Name]>) => void) => void;
};

export type WidgetSocket = Socket<ServerEvents, ClientEvents>;
export type SocketFactory = (url: string, options: Partial<ManagerOptions & SocketOptions>) => WidgetSocket;

export type NoticeError = Pick<ProtocolError, 'code' | 'retryAfterMs'> | { code: 'timeout' };
