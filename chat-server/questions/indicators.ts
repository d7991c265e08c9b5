/**
 * Aggregates of "Stel je vraag", into the same indicator store as the chat's figures (and so shown with
 * the same small-cell suppression). Outcomes are counted in the hour the question was asked, so within
 * any period "asked" is the sum of answered, expired, deleted and still open.
 */
import { ANSWER_TIME_BINS, C, binFor, type Counters } from '../../shared/indicators/counters.ts';
import { hourKey } from '../../shared/indicators/hour-key.ts';
import type { IndicatorStore } from '../indicators/store.ts';

export interface QuestionIndicators {
  asked(at: number, followUp: boolean): void;
  answered(askedAt: number, answeredAt: number, inTime: boolean): void;
  expired(askedAt: number): void;
  deleted(askedAt: number): void;
  flagged(askedAt: number): void;
}

export const noQuestionIndicators: QuestionIndicators = {
  asked() {},
  answered() {},
  expired() {},
  deleted() {},
  flagged() {},
};

export function questionIndicators(store: IndicatorStore, timeZone: string, onError: () => void = () => {}): QuestionIndicators {
  const add = (at: number, counts: Counters) => void store.merge(hourKey(at, timeZone), counts).catch(onError);
  return {
    asked: (at, followUp) => add(at, { [followUp ? C.questionFollowUp : C.questionAsked]: 1 }),
    answered(askedAt, answeredAt, inTime) {
      const bin = binFor(ANSWER_TIME_BINS, (answeredAt - askedAt) / 1000);
      add(askedAt, { [C.questionAnswered]: 1, [C.questionAnswerTime(bin)]: 1, ...(inTime ? { [C.questionInTime]: 1 } : {}) });
    },
    expired: (askedAt) => add(askedAt, { [C.questionExpired]: 1 }),
    deleted: (askedAt) => add(askedAt, { [C.questionDeleted]: 1 }),
    flagged: (askedAt) => add(askedAt, { [C.questionFlagged]: 1 }),
  };
}
