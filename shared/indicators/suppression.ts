/**
 * Small-cell protection, applied to every figure that leaves the server (API, CSV, dashboard).
 *
 * 1. A count from 1 to 4 is never shown: it reads "<5".
 * 2. In a table whose total is known (every table here: its total is shown, or is a headline
 *    figure), a hidden count could be worked out by subtraction. So when a table has any small
 *    count, its zeros are hidden as "<5" too: a reader then only learns the SUM of the hidden
 *    cells, each of which may be anything from 0 to 4.
 * 3. If that still leaves one hidden cell (one small count, no zeros), the next smallest cell is
 *    hidden with it, and both read "×" ("afgeschermd"), since "<5" would not be true of the second.
 *
 * What remains knowable is documented in the README: the sum of the hidden cells of a table, and
 * (only if all of them are 4) that fact.
 *
 * 5. A headline figure that is also a cell (or the sum of cells) of a published table says what the
 *    table says: the cell itself, "<5" or "×" as shown there; a sum that includes a hidden cell reads
 *    "×". Otherwise "Gestopt met wachten 0" above a table showing "<5" for that row would give away
 *    the very zero the table hid, and contradict it (see `cellsSum`).
 * 6. A row whose cells are known from another published row (no requests that day, so no chats
 *    either) shows them as they are; only the other cells are protected as a group (`protectGroupBeside`).
 *
 * 4. A percentage of a table ("answered within 5 minutes", "satisfied") is never computed from the
 *    hidden cells: it is given exactly only when the visible cells fix it, and otherwise as the
 *    range a reader could already work out from the published cells (see `protectTableShare`).
 *    An exact share over hidden cells gave them away ("satisfied 100 %" meant every hidden
 *    low rating was 0).
 */
export const MIN_CELL = 5;
export const SMALL = '<5';
export const HIDDEN = '×';
export type Cell = number | typeof SMALL | typeof HIDDEN;

export function isSmall(n: number): boolean {
  return n > 0 && n < MIN_CELL;
}

/** One figure on its own. */
export function protectValue(n: number): Cell {
  return isSmall(n) ? SMALL : n;
}

/** The cells of one table that add up to a known total. */
export function protectGroup(values: readonly number[]): Cell[] {
  if (!values.some(isSmall)) return [...values];
  const cells: Cell[] = values.map((v) => (v < MIN_CELL ? SMALL : v));
  const hidden = cells.filter((c) => c === SMALL).length;
  if (hidden === 1 && values.length > 1) {
    const lone = values.findIndex(isSmall);
    let partner = -1;
    values.forEach((v, i) => {
      if (i !== lone && (partner === -1 || v < values[partner])) partner = i;
    });
    cells[lone] = HIDDEN;
    cells[partner] = HIDDEN;
  }
  return cells;
}

/**
 * A headline figure that is the sum of the table cells marked `inPart` (rule 5), from what the table shows:
 * the one cell as the table shows it; the sum when every cell is shown; "<5" when the published cells
 * already cap the sum below 5 (each "<5" cell is 0 to 4, and the hidden cells together are the total minus
 * the shown ones); otherwise "×".
 */
export function cellsSum(values: readonly number[], cells: readonly Cell[], inPart: readonly boolean[]): Cell {
  const part = cells.filter((_, i) => inPart[i]);
  if (part.length === 1) return part[0];
  if (part.every((c) => typeof c === 'number')) return sum(part);
  const total = sum(values);
  const shown = (only: boolean) => sum(cells.map((c, i) => (typeof c === 'number' && (!only || inPart[i]) ? c : 0)));
  const caps = sum(cells.map((c, i) => (inPart[i] && typeof c !== 'number' ? (c === SMALL ? MIN_CELL - 1 : total) : 0)));
  const highest = shown(true) + Math.min(caps, total - shown(false));
  return highest < MIN_CELL ? SMALL : HIDDEN;
}

/**
 * The cells of one table whose cells at `known` positions a reader already knows from another published
 * row (rule 6): those are shown as they are, the others protected as a group among themselves.
 */
export function protectGroupBeside(values: readonly number[], known: readonly boolean[]): Cell[] {
  const open = values.map((_, i) => i).filter((i) => !known[i]);
  const protectedCells = protectGroup(open.map((i) => values[i]));
  const cells: Cell[] = [...values];
  open.forEach((i, n) => (cells[i] = protectedCells[n]));
  return cells;
}

/** A percentage that cannot be turned back into a small count. */
export type Share =
  | { kind: 'exact'; percent: number }
  | { kind: 'atLeast'; percent: number }
  | { kind: 'atMost'; percent: number }
  /** Somewhere from `low` to `high` percent: all the published cells allow. */
  | { kind: 'between'; low: number; high: number }
  | { kind: 'hidden' }
  /** Nothing to divide by: no data in the period. */
  | { kind: 'none' };

/**
 * `part` of `whole` as a whole percentage. When the part, or what is left over, is a small count,
 * the share is given as a bound ("at least 60%") that holds for any count from 1 to 4.
 */
export function protectShare(part: number, whole: number): Share {
  if (whole === 0) return { kind: 'none' };
  if (whole < MIN_CELL) return { kind: 'hidden' };
  const rest = whole - part;
  if (isSmall(part) && isSmall(rest)) return { kind: 'hidden' };
  if (isSmall(part)) return { kind: 'atMost', percent: Math.ceil(((MIN_CELL - 1) / whole) * 100) };
  if (isSmall(rest)) return { kind: 'atLeast', percent: Math.floor(((whole - (MIN_CELL - 1)) / whole) * 100) };
  return { kind: 'exact', percent: Math.round((part / whole) * 100) };
}

/**
 * The share of a published table's cells marked `inPart` in `whole` (a published figure, e.g. the
 * requests when the table counts answered chats). Only public knowledge goes in: the visible cells,
 * the table's total, and that a "<5" cell is 0 to 4 and a "×" cell anything. So the answer is a
 * range a reader could compute from the page already; it is exact only when that range is one value.
 */
export function protectTableShare(values: readonly number[], cells: readonly Cell[], inPart: readonly boolean[], whole: number): Share {
  if (whole === 0) return { kind: 'none' };
  const total = sum(values);
  if (whole < MIN_CELL || isSmall(total)) return { kind: 'hidden' };
  let visiblePart = 0;
  let visibleAll = 0;
  let capPart = 0;
  let capRest = 0;
  cells.forEach((cell, i) => {
    if (typeof cell === 'number') {
      visibleAll += cell;
      if (inPart[i]) visiblePart += cell;
      return;
    }
    const cap = cell === SMALL ? MIN_CELL - 1 : total;
    if (inPart[i]) capPart += cap;
    else capRest += cap;
  });
  const hiddenSum = total - visibleAll;
  const low = visiblePart + Math.max(0, hiddenSum - capRest);
  const high = visiblePart + Math.min(hiddenSum, capPart);
  if (low === high) return { kind: 'exact', percent: Math.round((low / whole) * 100) };
  const lowPercent = Math.floor((low / whole) * 100);
  const highPercent = Math.min(100, Math.ceil((high / whole) * 100));
  if (lowPercent === 0 && highPercent === 100) return { kind: 'hidden' };
  if (highPercent === 100) return { kind: 'atLeast', percent: lowPercent };
  if (lowPercent === 0) return { kind: 'atMost', percent: highPercent };
  return { kind: 'between', low: lowPercent, high: highPercent };
}

/** Sum of a table's cells for its total line; only used on raw counts. */
export function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
