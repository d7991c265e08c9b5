/**
 * The chat protocol as types: what each event carries and answers, on both sides. These checks run
 * in `astro check` (tsc); a `@ts-expect-error` line that stops being an error fails it too.
 */
import { describe, expectTypeOf, test } from 'vitest';
import type { Socket as ClientSocket } from 'socket.io-client';
import type { Pusher } from '../../chat-server/chat/context.ts';
import { on, type AnswerOf, type HandlerTable, type PayloadOf } from '../../chat-server/sockets/dispatch.ts';
import type { StaffNamespace, YouthNamespace } from '../../chat-server/sockets/types.ts';
import type {
  Ack,
  ConversationView,
  NodeSocketKeys,
  QueuePosition,
  StaffClientToServerEvents,
  StaffSocketData,
  YouthClientToServerEvents,
  YouthServerToClientEvents,
  YouthSocketData,
} from '../../shared/protocol/events.ts';
import type { QueueJoinPayload } from '../../shared/protocol/schemas.ts';
import { conversationRefSchema, queueJoinSchema, sessionEndSchema, youthMessageSchema } from '../../shared/protocol/schemas.ts';
import { ackOk, type StaffSocket, type YouthSocket } from '../integration/chat-harness.ts';

const noAnswer = () => Promise.resolve({ ok: true as const });

describe('protocol types', () => {
  test('client events: payload and acknowledgement per event', () => {
    expectTypeOf<PayloadOf<YouthClientToServerEvents['queue:join']>>().toEqualTypeOf<QueueJoinPayload>();
    expectTypeOf<AnswerOf<YouthClientToServerEvents['queue:join']>>().toEqualTypeOf<Ack<QueuePosition>>();
    expectTypeOf<AnswerOf<StaffClientToServerEvents['conversation:take']>>().toEqualTypeOf<Ack<{ conversation: ConversationView }>>();
    // Typing indicators have no acknowledgement.
    expectTypeOf<AnswerOf<YouthClientToServerEvents['typing']>>().toBeVoid();
    // The same event name means different things per namespace.
    expectTypeOf<PayloadOf<StaffClientToServerEvents['message:send']>>().toHaveProperty('conversationId');
    expectTypeOf<PayloadOf<YouthClientToServerEvents['message:send']>>().not.toHaveProperty('conversationId');
  });

  test('a handler table must cover every event with the right schema and answer', () => {
    // @ts-expect-error a missing event ('feedback:send' etc.) is an error
    const missing: HandlerTable<YouthClientToServerEvents> = { 'queue:join': on(queueJoinSchema, noAnswer) };
    const typo: Partial<HandlerTable<YouthClientToServerEvents>> = {
      // @ts-expect-error a misspelt event name is an error
      'queue:joni': on(queueJoinSchema, noAnswer),
    };
    const wrongSchema: Partial<HandlerTable<YouthClientToServerEvents>> = {
      // @ts-expect-error 'session:end' checked with the message schema
      'session:end': on(youthMessageSchema, noAnswer),
    };
    const wrongAnswer: Partial<HandlerTable<StaffClientToServerEvents>> = {
      // @ts-expect-error taking a conversation must answer with the conversation
      'conversation:take': on(conversationRefSchema, noAnswer),
    };
    const right: Partial<HandlerTable<YouthClientToServerEvents>> = {
      // The handler gets the parsed payload: zod's defaults and transforms applied.
      'session:end': on(sessionEndSchema, (payload) => {
        expectTypeOf(payload.reason).toEqualTypeOf<'stop' | 'quickExit'>();
        return noAnswer();
      }),
    };
    expectTypeOf([missing, typo, wrongSchema, wrongAnswer, right]).toBeArray();
  });

  test('server namespaces know their own socket data and events', () => {
    expectTypeOf<YouthNamespace['sockets']>().toExtend<Map<string, { data: YouthSocketData }>>();
    expectTypeOf<StaffNamespace['sockets']>().toExtend<Map<string, { data: StaffSocketData }>>();
    expectTypeOf<ReturnType<YouthNamespace['serverSideEmitWithAck']>>().toEqualTypeOf<Promise<NodeSocketKeys[]>>();
  });

  test('pushes and client sockets are checked against the event maps', () => {
    // Never called: only its types are checked.
    const later = async (push: Pusher, youth: YouthSocket, staff: StaffSocket) => {
      push.youth('key', 'queue:position', { position: 1, waitMinutes: null });
      // @ts-expect-error a position without its estimate
      push.youth('key', 'queue:position', { position: 1 });
      // @ts-expect-error a staff event on the young people's side
      push.youth('key', 'queue:update', { entries: [] });
      youth.emit('typing', { typing: true });
      // @ts-expect-error the counsellor's typing needs the conversation
      staff.emit('typing', { typing: true });
      // @ts-expect-error not a topic of the chat
      void ackOk(youth, 'queue:join', { topic: 'onbekend' });
      expectTypeOf(await ackOk(staff, 'conversation:take', {})).toEqualTypeOf<{ ok: true } & { conversation: ConversationView }>();
    };
    expectTypeOf(later).toBeFunction();
    expectTypeOf<YouthSocket>().toEqualTypeOf<ClientSocket<YouthServerToClientEvents, YouthClientToServerEvents>>();
  });
});
