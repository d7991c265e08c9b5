/**
 * The report as CSV for the gemeente's own reporting: one figure per line (part; category; value),
 * semicolon-separated with a byte-order mark so Dutch Excel opens it as columns. Only protected
 * figures go in: it is built from a Report, which holds no raw counts.
 */
import { csvDocument } from '../../shared/csv.ts';
import type { Report, Table } from '../../shared/indicators/report-types.ts';
import type { Cell } from '../../shared/indicators/suppression.ts';
import { ageBandLabel, hoursLabel, label, minutesLabel, outcomeLabel, shareText, topicLabel, weekdayLabel } from '../../shared/indicators/labels.ts';

type Line = [string, string, string];

/** Plain digits (no thousands dot), so any program reads the numbers. */
const cellText = (cell: Cell): string => String(cell);

export function reportToCsv(report: Report): string {
  const lines: Line[] = [[label('statistiek.csv.part'), label('statistiek.csv.category'), label('statistiek.csv.value')]];
  const add = (part: string, category: string, value: string) => lines.push([part, category, value]);
  const addTable = (part: string, table: Table, name: (id: string) => string) => {
    for (const row of table.rows) add(part, name(row.id), cellText(row.count));
    add(part, label('statistiek.table.total'), cellText(table.total));
  };

  add(label('statistiek.csv.period'), label('statistiek.csv.from'), report.period.van);
  add(label('statistiek.csv.period'), label('statistiek.csv.to'), report.period.tot);
  add(label('statistiek.csv.note'), '', label('statistiek.smallCells'));

  const summary = label('statistiek.summary.title');
  const t = report.totals;
  add(summary, label('statistiek.summary.requested'), cellText(t.requested));
  add(summary, label('statistiek.summary.started'), cellText(t.started));
  add(summary, label('statistiek.summary.answered'), shareText(report.shares.answered));
  add(summary, label('statistiek.summary.within5'), shareText(report.shares.within5));
  add(summary, label('statistiek.summary.within15'), shareText(report.shares.within15));
  add(summary, label('statistiek.summary.ratings'), cellText(t.ratings));
  add(summary, label('statistiek.summary.satisfied'), shareText(report.shares.satisfied));
  add(summary, label('statistiek.summary.abandoned'), cellText(t.abandoned));
  add(summary, label('statistiek.summary.turnedAway'), cellText(t.turnedAway));
  add(summary, label('statistiek.summary.quickExits'), cellText(t.quickExits));
  add(summary, label('statistiek.summary.flagged'), cellText(t.flagged));
  add(summary, label('statistiek.summary.transferred'), cellText(t.transferred));

  addTable(label('statistiek.outcomes.title'), report.outcomes, outcomeLabel);
  report.perDay.days.forEach((day, i) => {
    add(label('statistiek.perDay.requested'), day, cellText(report.perDay.requested[i]));
  });
  report.perDay.days.forEach((day, i) => {
    add(label('statistiek.perDay.started'), day, cellText(report.perDay.started[i]));
  });
  report.perHourOfWeek.forEach((hours, d) =>
    hours.forEach((cell, h) => add(label('statistiek.hourOfWeek.title'), `${weekdayLabel(d + 1)} ${String(h).padStart(2, '0')}:00`, cellText(cell))),
  );
  addTable(label('statistiek.waiting.title'), report.waiting, minutesLabel);
  addTable(label('statistiek.abandonWaiting.title'), report.abandonWaiting, minutesLabel);
  addTable(label('statistiek.duration.title'), report.duration, minutesLabel);
  addTable(label('statistiek.ratings.title'), report.ratings, (r) => label('statistiek.rating', { n: r }));
  report.satisfactionPerWeek.weeks.forEach((week, i) => {
    add(label('statistiek.satisfaction.title'), `${label('statistiek.satisfaction.week')} ${week}`, shareText(report.satisfactionPerWeek.satisfied[i]));
  });
  addTable(label('statistiek.topics.title'), report.topics, topicLabel);
  addTable(label('statistiek.ageBands.title'), report.ageBands, ageBandLabel);
  const questions = label('statistiek.questions.title');
  const q = report.questions;
  for (const key of ['asked', 'followUps', 'answered', 'inTime', 'expired', 'deleted', 'flagged'] as const) {
    const value = q[key];
    add(questions, label(`statistiek.questions.${key}`), typeof value === 'object' ? shareText(value) : cellText(value));
  }
  addTable(label('statistiek.questions.time.title'), q.answerTime, hoursLabel);
  for (const page of report.feedback) {
    add(`${label('statistiek.feedback.title')} ${label('statistiek.feedback.ja')}`, page.page, cellText(page.ja));
    add(`${label('statistiek.feedback.title')} ${label('statistiek.feedback.nee')}`, page.page, cellText(page.nee));
  }
  return csvDocument(lines, ';', { bom: true });
}
