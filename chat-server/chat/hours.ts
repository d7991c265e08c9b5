import { describeOpening, openingState } from '../../shared/opening-hours.ts';
import type { ChatConfig } from '../config.ts';

export interface HoursNow {
  open: boolean;
  /** Next opening, ISO 8601, when closed and known. */
  opensAt?: string;
  /** Dutch, e.g. "Opent morgen om 14:00". */
  description: string;
}

/** Whether the chat is open now, through the one opening-hours engine (or always, for demos and tests). */
export function chatHours(config: Pick<ChatConfig, 'alwaysOpen' | 'schedule'>, now: number): HoursNow {
  if (config.alwaysOpen) return { open: true, description: 'Nu open' };
  const at = new Date(now);
  const state = openingState(config.schedule, at);
  return {
    open: state.open,
    ...(state.nextOpen && !state.open ? { opensAt: state.nextOpen.toISOString() } : {}),
    description: describeOpening(config.schedule, at),
  };
}
