/**
 * Socket.IO's server types bound to the protocol in shared/protocol/events.ts: each namespace has
 * its own events and socket data, so a wrong event name or payload fails the type check.
 */
import type { BroadcastOperator, Namespace, Server, Socket } from 'socket.io';
import type {
  InterServerEvents,
  SocketData,
  StaffClientToServerEvents,
  StaffServerToClientEvents,
  StaffSocketData,
  YouthClientToServerEvents,
  YouthServerToClientEvents,
  YouthSocketData,
} from '../../shared/protocol/events.ts';
import { STAFF_NAMESPACE, YOUTH_NAMESPACE } from '../../shared/protocol/limits.ts';

/** The root namespace `/` carries no events: clients talk to `/jongeren` or `/medewerkers`. */
type NoEvents = Record<string, never>;

export type ChatIo = Server<NoEvents, NoEvents, InterServerEvents, SocketData>;
export type YouthNamespace = Namespace<YouthClientToServerEvents, YouthServerToClientEvents, InterServerEvents, YouthSocketData>;
export type StaffNamespace = Namespace<StaffClientToServerEvents, StaffServerToClientEvents, InterServerEvents, StaffSocketData>;
export type YouthServerSocket = Socket<YouthClientToServerEvents, YouthServerToClientEvents, InterServerEvents, YouthSocketData>;
export type StaffServerSocket = Socket<StaffClientToServerEvents, StaffServerToClientEvents, InterServerEvents, StaffSocketData>;

/** What a pusher needs of a namespace: rooms. `namespace.local` (this node only) has the same shape. */
export interface Rooms<ServerToClient extends object, Data> {
  to(room: string | string[]): BroadcastOperator<ServerToClient, Data>;
  in(room: string | string[]): BroadcastOperator<ServerToClient, Data>;
}
export type YouthRooms = Rooms<YouthServerToClientEvents, YouthSocketData>;
export type StaffRooms = Rooms<StaffServerToClientEvents, StaffSocketData>;

/** The namespaces of a chat server, typed by their own protocol. */
export function chatNamespaces(io: ChatIo): { youth: YouthNamespace; staff: StaffNamespace } {
  return { youth: io.of(YOUTH_NAMESPACE) as YouthNamespace, staff: io.of(STAFF_NAMESPACE) as StaffNamespace };
}
