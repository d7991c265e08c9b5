import type { Pusher, StaffTarget } from '../chat/context.ts';
import type { StaffRooms, YouthRooms } from './types.ts';

/** Room names. Rooms work across nodes through the adapter (issue 6), so pushing is node-agnostic. */
export const rooms = {
  youth: (sessionKey: string) => `y:${sessionKey}`,
  counsellor: (counsellorKey: string) => `c:${counsellorKey}`,
  observers: (conversationId: string) => `o:${conversationId}`,
  login: (tokenHash: string) => `l:${tokenHash}`,
  allStaff: 'staff',
  supervisors: 'supervisors',
};

function staffRooms(target: StaffTarget): string | string[] {
  if (target === 'all') return rooms.allStaff;
  if (target === 'supervisors') return rooms.supervisors;
  if ('counsellor' in target) return rooms.counsellor(target.counsellor);
  const { counsellorKey, conversationId } = target.conversationWatchers;
  return counsellorKey ? [rooms.counsellor(counsellorKey), rooms.observers(conversationId)] : rooms.observers(conversationId);
}

/** Works on a namespace (every node, through the adapter) or its `.local` operator (this node only). */
export function createPusher(youth: YouthRooms, staff: StaffRooms): Pusher {
  return {
    youth(sessionKey, event, ...args) {
      youth.to(rooms.youth(sessionKey)).emit(event, ...args);
    },
    staff(target, event, ...args) {
      staff.to(staffRooms(target)).emit(event, ...args);
    },
    observe(counsellorKey, conversationId, join) {
      const sockets = staff.in(rooms.counsellor(counsellorKey));
      if (join) sockets.socketsJoin(rooms.observers(conversationId));
      else sockets.socketsLeave(rooms.observers(conversationId));
    },
    endLogin(tokenHash) {
      staff.to(rooms.login(tokenHash)).emit('session:expired');
      staff.in(rooms.login(tokenHash)).disconnectSockets(true);
    },
    async youthSockets(sessionKey) {
      return (await youth.in(rooms.youth(sessionKey)).fetchSockets()).length;
    },
    async staffSockets(counsellorKey) {
      return (await staff.in(rooms.counsellor(counsellorKey)).fetchSockets()).length;
    },
  };
}
