/** The shape of the published figures: built by the server, drawn by the dashboard. */
import type { DayKey } from './hour-key.ts';
import type { Cell, Share } from './suppression.ts';

/** Longest period one report covers. */
export const MAX_PERIOD_DAYS = 400;

export interface Period {
  van: DayKey;
  tot: DayKey;
}

export interface Row {
  id: string;
  count: Cell;
}

/** A breakdown whose rows add up to `total`. */
export interface Table {
  rows: Row[];
  total: Cell;
}

export interface Report {
  period: Period & { days: number };
  minCell: number;
  totals: {
    requested: Cell;
    started: Cell;
    abandoned: Cell;
    turnedAway: Cell;
    ended: Cell;
    ratings: Cell;
    quickExits: Cell;
    flagged: Cell;
    transferred: Cell;
  };
  shares: { answered: Share; within5: Share; within15: Share; satisfied: Share };
  /** Every request ends in one of these: started, abandoned, turned away (closed/busy), or unknown. */
  outcomes: Table;
  perDay: { days: DayKey[]; requested: Cell[]; started: Cell[] };
  /** Requests by local weekday (Monday first) × hour. */
  perHourOfWeek: Cell[][];
  waiting: Table;
  abandonWaiting: Table;
  duration: Table;
  ratings: Table;
  satisfactionPerWeek: { weeks: DayKey[]; ratings: Cell[]; satisfied: Share[] };
  topics: Table;
  ageBands: Table;
  feedback: { page: string; ja: Cell; nee: Cell; useful: Share }[];
  /** "Stel je vraag", counted in the hour each question or follow-up was asked. */
  questions: {
    asked: Cell;
    followUps: Cell;
    answered: Cell;
    expired: Cell;
    deleted: Cell;
    flagged: Cell;
    /** Share of questions and follow-ups answered within the promise. */
    inTime: Share;
    answerTime: Table;
  };
}
