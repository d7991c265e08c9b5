/**
 * `/medewerkers/aanmeldingen/`: the sign-ups for activities, per activity and meeting, with places used,
 * the waiting list and a CSV download. Only for the activities role and supervisors: the server answers
 * 403 to anyone else, and this page then says so.
 */
import { useEffect, useState } from 'preact/hooks';
import { translator } from '../../../shared/i18n/fill.ts';
import { werkplekStrings } from '../../../shared/i18n/nl/werkplek.ts';
import { formatPhone } from '../../../shared/signup/contact.ts';
import { STAFF_SIGNUPS_CSV_PATH, STAFF_SIGNUPS_PATH } from '../../../shared/signup/limits.ts';
import type { StaffActivity, StaffOption, StaffSignupsResponse } from '../../../shared/signup/types.ts';
import { saveFile } from '../../lib/download.ts';
import { AccountBar } from '../staff/AccountBar.tsx';
import { StaffGate, type StaffAccess } from '../staff/StaffGate.tsx';

// The staff workspace's strings only, not the whole dictionary.
const t = translator(werkplekStrings);

type Load = { state: 'loading' } | { state: 'error'; message: string } | { state: 'forbidden' } | { state: 'done'; data: StaffSignupsResponse };

const dateTime = (at: number, timeZone: string) => new Date(at).toLocaleString('nl-NL', { dateStyle: 'medium', timeStyle: 'short', timeZone });
const date = (at: number, timeZone: string) => new Date(at).toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone });

export default function SignupsPage({ timeZone }: { timeZone: string }) {
  return <StaffGate title={t('aanmeldingen.login')}>{(access) => <Signups access={access} timeZone={timeZone} />}</StaffGate>;
}

function Signups({ access, timeZone }: { access: StaffAccess; timeZone: string }) {
  const { session } = access;
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const auth = { Authorization: `Bearer ${session.token}` };

  const fetchList = async () => {
    setLoad({ state: 'loading' });
    try {
      const res = await fetch(STAFF_SIGNUPS_PATH, { headers: auth, cache: 'no-store' });
      const body = (await res.json()) as StaffSignupsResponse | { ok: false; error: string };
      if (res.status === 401) access.onExpired(body.ok ? '' : body.error);
      else if (res.status === 403) setLoad({ state: 'forbidden' });
      else if (!body.ok) setLoad({ state: 'error', message: body.error });
      else setLoad({ state: 'done', data: body });
    } catch {
      setLoad({ state: 'error', message: t('aanmeldingen.error') });
    }
  };
  useEffect(() => void fetchList(), [session.token]);

  const download = async (activity: StaffActivity | null) => {
    const query = activity ? `?activiteit=${encodeURIComponent(activity.id)}` : '';
    const res = await fetch(`${STAFF_SIGNUPS_CSV_PATH}${query}`, { headers: auth, cache: 'no-store' }).catch(() => null);
    if (!res?.ok) {
      setLoad({ state: 'error', message: t('aanmeldingen.error') });
      return;
    }
    saveFile(await res.blob(), `aanmeldingen${activity ? `-${activity.id}` : ''}.csv`);
  };

  return (
    <div class="signups">
      <AccountBar name={session.name} role={session.role} onLogout={() => access.onLogout()} />
      {load.state === 'loading' && <p role="status">{t('aanmeldingen.loading')}</p>}
      {load.state === 'forbidden' && <p role="alert">{t('aanmeldingen.forbidden')}</p>}
      {load.state === 'error' && (
        <div role="alert">
          <p>{load.message}</p>
          <button type="button" class="button" onClick={() => void fetchList()}>
            {t('aanmeldingen.reload')}
          </button>
        </div>
      )}
      {load.state === 'done' && (
        <>
          <p>{t('aanmeldingen.intro', { days: load.data.retentionDays })}</p>
          {load.data.activities.length === 0 ? (
            <p>{t('aanmeldingen.none')}</p>
          ) : (
            <p>
              <button type="button" class="button button--secondary" onClick={() => void download(null)}>
                {t('aanmeldingen.csvAll')}
              </button>
            </p>
          )}
          {load.data.activities.map((a) => (
            <section class="signups__activity" aria-labelledby={`act-${a.id}`} key={a.id}>
              <h2 id={`act-${a.id}`}>{a.title}</h2>
              <p class="signups__meta">
                {t('aanmeldingen.deleteAt', { date: date(a.deleteAt, timeZone) })}{' '}
                <button type="button" class="button button--secondary" onClick={() => void download(a)}>
                  {t('aanmeldingen.csv')}
                  <span class="visually-hidden">: {a.title}</span>
                </button>
              </p>
              {a.options.map((o) => (
                <OptionTable option={o} activityId={a.id} timeZone={timeZone} key={o.key} />
              ))}
            </section>
          ))}
        </>
      )}
    </div>
  );
}

function OptionTable({ option: o, activityId, timeZone }: { option: StaffOption; activityId: string; timeZone: string }) {
  const id = `opt-${activityId}-${o.key.replace(/[^a-z0-9]/gi, '')}`;
  const used =
    o.places === null ? t('aanmeldingen.placesUnlimited', { used: o.placedPeople }) : t('aanmeldingen.places', { used: o.placedPeople, places: o.places });
  return (
    <div class="signups__option">
      <h3 id={id}>{o.label}</h3>
      <p>
        <strong>{used}</strong>
        {o.waitingPeople > 0 && <>. {t('aanmeldingen.waiting', { n: o.waitingPeople })}</>}
      </p>
      <table aria-labelledby={id}>
        <thead>
          <tr>
            <th scope="col">{t('aanmeldingen.col.status')}</th>
            <th scope="col">{t('aanmeldingen.col.name')}</th>
            <th scope="col">{t('aanmeldingen.col.phone')}</th>
            <th scope="col">{t('aanmeldingen.col.email')}</th>
            <th scope="col">{t('aanmeldingen.col.people')}</th>
            <th scope="col">{t('aanmeldingen.col.question')}</th>
            <th scope="col">{t('aanmeldingen.col.when')}</th>
          </tr>
        </thead>
        <tbody>
          {o.signups.map((s) => (
            <tr key={s.id} class={s.status === 'waiting' ? 'signups__waiting' : undefined}>
              <td>{t(s.status === 'placed' ? 'aanmeldingen.status.placed' : 'aanmeldingen.status.waiting')}</td>
              <td>{s.name}</td>
              <td>{s.phone ? <a href={`tel:${s.phone}`}>{formatPhone(s.phone)}</a> : ''}</td>
              <td>{s.email ? <a href={`mailto:${s.email}`}>{s.email}</a> : ''}</td>
              <td>{s.people}</td>
              <td class="signups__question">{s.question ?? ''}</td>
              <td>{dateTime(s.createdAt, timeZone)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
