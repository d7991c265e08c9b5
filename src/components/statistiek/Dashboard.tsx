/**
 * The supervisors' dashboard: log in (the same login as the console), pick a period, see the
 * protected figures as charts with a table beside each, and download them as CSV.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { t } from './strings.ts';
import { STATISTIEK_CSV_PATH, STATISTIEK_PATH } from '../../../shared/indicators/http-paths.ts';
import type { Report, Table } from '../../../shared/indicators/report-types.ts';
import type { Cell } from '../../../shared/indicators/suppression.ts';
import {
  ageBandLabel,
  cellText,
  dayLabel,
  hoursLabel,
  minutesLabel,
  minutesShortLabel,
  outcomeLabel,
  shareText,
  topicLabel,
  weekdayLabel,
  weekdayShortLabel,
} from '../../../shared/indicators/labels.ts';
import { AccountBar } from '../staff/AccountBar.tsx';
import { LoginForm } from '../staff/LoginForm.tsx';
import { NoAccess } from '../staff/NoAccess.tsx';
import { mayOpen } from '../../../shared/staff-pages.ts';
import { useStaffSession } from '../staff/useStaffSession.ts';
import { BarChartSvg, HeatMapSvg, LineChartSvg } from './Charts.tsx';
import { periodFor, type PeriodChoice } from './period.ts';
import { saveFile } from '../../lib/download.ts';

interface Props {
  timeZone: string;
}

type Load = { state: 'idle' } | { state: 'loading' } | { state: 'error'; message: string } | { state: 'forbidden' } | { state: 'done'; report: Report };

const shortDay = (day: string) => `${Number(day.slice(8, 10))}-${Number(day.slice(5, 7))}`;

export default function Dashboard({ timeZone }: Props) {
  const staff = useStaffSession();
  const { session } = staff;
  // A period that includes today: on the 2nd of the month "vorige maand" would look empty.
  const [choice, setChoice] = useState<PeriodChoice>('last7');
  const [custom, setCustom] = useState(() => periodFor('last30', Date.now(), timeZone));
  const [load, setLoad] = useState<Load>({ state: 'idle' });

  const period = choice === 'custom' ? custom : periodFor(choice, Date.now(), timeZone);

  const fetchReport = async (token: string, van: string, tot: string) => {
    setLoad({ state: 'loading' });
    try {
      const res = await fetch(`${STATISTIEK_PATH}?van=${van}&tot=${tot}`, { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store' });
      // The report, or a refusal with a Dutch message (chat-server/indicators/http.ts).
      const body = (await res.json()) as Report | { message?: string };
      const message = 'message' in body ? body.message : undefined;
      if (res.status === 401) {
        staff.end(message ?? t('statistiek.api.unauthorized'));
        setLoad({ state: 'idle' });
      } else if (res.status === 403) setLoad({ state: 'forbidden' });
      else if (!res.ok) setLoad({ state: 'error', message: message ?? t('statistiek.error') });
      else setLoad({ state: 'done', report: body as Report });
    } catch {
      setLoad({ state: 'error', message: t('statistiek.error') });
    }
  };

  useEffect(() => {
    if (session && session.role !== 'counsellor') void fetchReport(session.token, period.van, period.tot);
  }, [session?.token]);

  const logout = () => {
    void staff.logout();
    setLoad({ state: 'idle' });
  };

  const downloadCsv = async () => {
    if (!session) return;
    const res = await fetch(`${STATISTIEK_CSV_PATH}?van=${period.van}&tot=${period.tot}`, { headers: { Authorization: `Bearer ${session.token}` } }).catch(
      () => null,
    );
    if (!res?.ok) {
      setLoad({ state: 'error', message: t('statistiek.error') });
      return;
    }
    saveFile(await res.blob(), `cjg-chat-cijfers-${period.van}-${period.tot}.csv`);
  };

  if (!session) return <LoginForm title={t('statistiek.login.title')} error={staff.error} busy={staff.busy} onLogin={(n, p) => void staff.login(n, p)} />;

  const bar = <AccountBar name={session.name} role={session.role} onLogout={logout} />;

  if (!mayOpen('statistiek', session.role) || load.state === 'forbidden')
    return <NoAccess session={session} onLogout={logout} text={t('statistiek.noAccess')} />;

  return (
    <>
      {bar}
      <form
        class="stat-period"
        onSubmit={(e) => {
          e.preventDefault();
          void fetchReport(session.token, period.van, period.tot);
        }}
      >
        <fieldset>
          <legend>{t('statistiek.period.legend')}</legend>
          <div class="stat-period__choices">
            {(['last7', 'last30', 'lastMonth', 'custom'] as const).map((c) => (
              <label key={c}>
                <input type="radio" name="periode" value={c} checked={choice === c} onChange={() => setChoice(c)} /> {t(`statistiek.period.${c}`)}
              </label>
            ))}
          </div>
          {choice === 'custom' && (
            <div class="stat-period__dates">
              <div class="stat-field">
                <label for="stat-van">{t('statistiek.period.from')}</label>
                <input id="stat-van" type="date" value={custom.van} required onInput={(e) => setCustom({ ...custom, van: e.currentTarget.value })} />
              </div>
              <div class="stat-field">
                <label for="stat-tot">{t('statistiek.period.to')}</label>
                <input id="stat-tot" type="date" value={custom.tot} required onInput={(e) => setCustom({ ...custom, tot: e.currentTarget.value })} />
              </div>
            </div>
          )}
        </fieldset>
        <div class="stat-period__actions">
          <button type="submit" class="button">
            {t('statistiek.period.show')}
          </button>
          <button type="button" class="button button--secondary" onClick={() => void downloadCsv()}>
            {t('statistiek.csv')}
          </button>
        </div>
      </form>
      <div aria-live="polite" class="stat-status">
        {load.state === 'loading' && <p>{t('statistiek.loading')}</p>}
        {load.state === 'error' && <p class="stat-error">{load.message}</p>}
      </div>
      {load.state === 'done' && <ReportView report={load.report} />}
    </>
  );
}

function ReportView({ report }: { report: Report }) {
  const { totals, shares } = report;
  const weekdays = [1, 2, 3, 4, 5, 6, 7].map(weekdayLabel);
  return (
    <div class="stat-report">
      <p class="stat-summary-period">
        {t('statistiek.period.summary', { van: dayLabel(report.period.van), tot: dayLabel(report.period.tot), days: report.period.days })}
      </p>
      <p class="stat-note">{t('statistiek.smallCells')}</p>
      <section aria-labelledby="stat-kort">
        <h2 id="stat-kort">{t('statistiek.summary.title')}</h2>
        <dl class="stat-kpis">
          <Kpi label={t('statistiek.summary.requested')} value={cellText(totals.requested)} />
          <Kpi label={t('statistiek.summary.started')} value={cellText(totals.started)} />
          <Kpi label={t('statistiek.summary.answered')} value={shareText(shares.answered)} />
          <Kpi label={t('statistiek.summary.within5')} value={shareText(shares.within5)} />
          <Kpi label={t('statistiek.summary.within15')} value={shareText(shares.within15)} />
          <Kpi label={t('statistiek.summary.satisfied')} value={shareText(shares.satisfied)} />
          <Kpi label={t('statistiek.summary.ratings')} value={cellText(totals.ratings)} />
          <Kpi label={t('statistiek.summary.abandoned')} value={cellText(totals.abandoned)} />
          <Kpi label={t('statistiek.summary.turnedAway')} value={cellText(totals.turnedAway)} />
          <Kpi label={t('statistiek.summary.quickExits')} value={cellText(totals.quickExits)} />
          <Kpi label={t('statistiek.summary.flagged')} value={cellText(totals.flagged)} />
          <Kpi label={t('statistiek.summary.transferred')} value={cellText(totals.transferred)} />
        </dl>
      </section>

      <ChartSection id="per-dag" title={t('statistiek.perDay.title')}>
        <BarChartSvg
          id="per-dag-grafiek"
          title={`${t('statistiek.perDay.title')}: ${t('statistiek.perDay.requested')}`}
          desc={t('statistiek.perDay.desc')}
          labels={report.perDay.days}
          shortLabels={report.perDay.days.map(shortDay)}
          cells={report.perDay.requested}
        />
        <DayTable
          title={t('statistiek.perDay.title')}
          headers={[t('statistiek.perDay.day'), t('statistiek.perDay.requested'), t('statistiek.perDay.started')]}
          days={report.perDay.days}
          cells={(i) => [cellText(report.perDay.requested[i]), cellText(report.perDay.started[i])]}
        />
      </ChartSection>

      <ChartSection id="uur-van-de-week" title={t('statistiek.hourOfWeek.title')}>
        <HeatMapSvg
          id="uur-grafiek"
          title={t('statistiek.hourOfWeek.title')}
          desc={t('statistiek.hourOfWeek.desc')}
          rows={report.perHourOfWeek}
          rowLabels={weekdays}
        />
        <ScrollTable label={t('statistiek.hourOfWeek.title')}>
          <table class="stat-table--dense">
            <caption>{t('statistiek.hourOfWeek.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('statistiek.hourOfWeek.hour')}</th>
                {weekdays.map((d, i) => (
                  <th scope="col" key={d}>
                    {/* "ma" on screen, "maandag" for screen readers and on hover: seven columns fit at 320 px. */}
                    <abbr title={d} aria-hidden="true">
                      {weekdayShortLabel(i + 1)}
                    </abbr>
                    <span class="visually-hidden">{d}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: 24 }, (_, h) => (
                <tr key={h}>
                  {/* "14" under "Uur": the ":00" of every row cost the width the seventh day needs at 320 px. */}
                  <th scope="row">{String(h).padStart(2, '0')}</th>
                  {report.perHourOfWeek.map((row, d) => (
                    <td key={d}>{cellText(row[h])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      </ChartSection>

      <TableChart id="uitkomst" title={t('statistiek.outcomes.title')} desc={t('statistiek.outcomes.title')} table={report.outcomes} name={outcomeLabel} />
      <TableChart
        shortName={minutesShortLabel}
        id="wachttijd"
        title={t('statistiek.waiting.title')}
        desc={t('statistiek.waiting.desc')}
        table={report.waiting}
        name={minutesLabel}
      />
      <TableChart
        shortName={minutesShortLabel}
        id="gestopt"
        title={t('statistiek.abandonWaiting.title')}
        desc={t('statistiek.abandonWaiting.desc')}
        table={report.abandonWaiting}
        name={minutesLabel}
      />
      <TableChart
        shortName={minutesShortLabel}
        id="duur"
        title={t('statistiek.duration.title')}
        desc={t('statistiek.duration.desc')}
        table={report.duration}
        name={minutesLabel}
      />
      <TableChart
        id="cijfers"
        title={t('statistiek.ratings.title')}
        desc={t('statistiek.ratings.desc')}
        table={report.ratings}
        name={(r) => t('statistiek.rating', { n: r })}
        shortName={(r) => r}
      />

      <ChartSection id="tevredenheid" title={t('statistiek.satisfaction.title')}>
        <LineChartSvg
          id="tevredenheid-grafiek"
          title={t('statistiek.satisfaction.title')}
          desc={t('statistiek.satisfaction.desc')}
          labels={report.satisfactionPerWeek.weeks}
          shortLabels={report.satisfactionPerWeek.weeks.map(shortDay)}
          shares={report.satisfactionPerWeek.satisfied}
        />
        <DayTable
          title={t('statistiek.satisfaction.title')}
          headers={[t('statistiek.satisfaction.week'), t('statistiek.satisfaction.n'), t('statistiek.summary.satisfied')]}
          days={report.satisfactionPerWeek.weeks}
          cells={(i) => [cellText(report.satisfactionPerWeek.ratings[i]), shareText(report.satisfactionPerWeek.satisfied[i])]}
        />
      </ChartSection>

      <TableChart id="onderwerpen" title={t('statistiek.topics.title')} desc={t('statistiek.topics.desc')} table={report.topics} name={topicLabel} />
      <TableChart id="leeftijd" title={t('statistiek.ageBands.title')} desc={t('statistiek.ageBands.desc')} table={report.ageBands} name={ageBandLabel} />

      <section aria-labelledby="stat-vragen" class="stat-section">
        <h2 id="stat-vragen">{t('statistiek.questions.title')}</h2>
        <p>{t('statistiek.questions.desc')}</p>
        <dl class="stat-kpis">
          <Kpi label={t('statistiek.questions.asked')} value={cellText(report.questions.asked)} />
          <Kpi label={t('statistiek.questions.followUps')} value={cellText(report.questions.followUps)} />
          <Kpi label={t('statistiek.questions.answered')} value={cellText(report.questions.answered)} />
          <Kpi label={t('statistiek.questions.inTime')} value={shareText(report.questions.inTime)} />
          <Kpi label={t('statistiek.questions.expired')} value={cellText(report.questions.expired)} />
          <Kpi label={t('statistiek.questions.deleted')} value={cellText(report.questions.deleted)} />
          <Kpi label={t('statistiek.questions.flagged')} value={cellText(report.questions.flagged)} />
        </dl>
      </section>
      <TableChart
        id="vraag-tijd"
        title={t('statistiek.questions.time.title')}
        desc={t('statistiek.questions.time.desc')}
        table={report.questions.answerTime}
        name={hoursLabel}
      />

      <section aria-labelledby="stat-feedback" class="stat-section">
        <h2 id="stat-feedback">{t('statistiek.feedback.title')}</h2>
        <p>{t('statistiek.feedback.desc')}</p>
        {report.feedback.length === 0 ? (
          <p>{t('statistiek.feedback.empty')}</p>
        ) : (
          <ScrollTable label={t('statistiek.feedback.title')}>
            <table>
              <caption class="visually-hidden">{t('statistiek.feedback.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('statistiek.feedback.page')}</th>
                  <th scope="col">{t('statistiek.feedback.ja')}</th>
                  <th scope="col">{t('statistiek.feedback.nee')}</th>
                  <th scope="col">{t('statistiek.feedback.useful')}</th>
                </tr>
              </thead>
              <tbody>
                {report.feedback.map((row) => (
                  <tr key={row.page}>
                    <th scope="row">
                      <a href={row.page}>{row.page}</a>
                    </th>
                    <td>{cellText(row.ja)}</td>
                    <td>{cellText(row.nee)}</td>
                    <td>{shareText(row.useful)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        )}
      </section>
    </div>
  );
}

function Kpi({ label, value }: { label: string; value: string }) {
  return (
    <div class="stat-kpi">
      <dt>{label}</dt>
      <dd class={/^[\d.]+%?$/.test(value) ? undefined : 'stat-kpi__words'}>{value}</dd>
    </div>
  );
}

function ChartSection({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby={`${id}-kop`} class="stat-section">
      <h2 id={`${id}-kop`}>{title}</h2>
      <div class="stat-pair">{children}</div>
    </section>
  );
}

/** A wide table scrolls on its own, reachable by keyboard. */
function ScrollTable({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="stat-scroll" role="region" aria-label={t('statistiek.table.region', { title: label })} tabIndex={0}>
      {children}
    </div>
  );
}

/** A table with a row per day (or week), in a region that scrolls on a narrow screen. */
function DayTable({ title, headers, days, cells }: { title: string; headers: string[]; days: string[]; cells: (i: number) => string[] }) {
  return (
    <ScrollTable label={title}>
      <table>
        <caption>{title}</caption>
        <thead>
          <tr>
            {headers.map((h) => (
              <th scope="col" key={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {days.map((day, i) => (
            <tr key={day}>
              <th scope="row">{dayLabel(day)}</th>
              {cells(i).map((text, n) => (
                <td key={n}>{text}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

function TableChart({
  id,
  title,
  desc,
  table,
  name,
  shortName,
}: {
  id: string;
  title: string;
  desc: string;
  table: Table;
  name: (id: string) => string;
  shortName?: (id: string) => string;
}) {
  const labels = table.rows.map((r) => name(r.id));
  const cells: Cell[] = table.rows.map((r) => r.count);
  return (
    <ChartSection id={id} title={title}>
      <BarChartSvg
        id={`${id}-grafiek`}
        title={title}
        desc={desc}
        labels={labels}
        cells={cells}
        {...(shortName ? { shortLabels: table.rows.map((r) => shortName(r.id)) } : {})}
      />
      <table>
        <caption class="visually-hidden">{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('statistiek.table.category')}</th>
            <th scope="col">{t('statistiek.table.count')}</th>
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={row.id}>
              <th scope="row">{labels[i]}</th>
              <td>{cellText(row.count)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('statistiek.table.total')}</th>
            <td>{cellText(table.total)}</td>
          </tr>
        </tfoot>
      </table>
    </ChartSection>
  );
}
