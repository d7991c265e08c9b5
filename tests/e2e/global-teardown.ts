import { rmSync } from 'node:fs';
import { E2E_DATA_DIR, E2E_DATA_DIR_MADE_BY_RUN } from './env.ts';

/** Removes the run's data folder when the run made it; a folder given in E2E_DATA_DIR stays. */
export default function globalTeardown(): void {
  if (E2E_DATA_DIR_MADE_BY_RUN) rmSync(E2E_DATA_DIR, { recursive: true, force: true });
}
