/**
 * `/medewerkers/aanmeldingen/`: the sign-ups for activities, per activity and meeting, with places used,
 * the waiting list, a CSV download, and "Afmelden" (with a confirmation) that frees the places and moves
 * the waiting list up; who moved up is marked "van wachtlijst", so staff call them. Only for the activities role and supervisors: the server answers
 * 403 to anyone else, and this page then says so.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { translator } from '../../../shared/i18n/fill.ts';
import { aanmeldenStrings } from '../../../shared/i18n/nl/aanmelden.ts';
import { werkplekStrings } from '../../../shared/i18n/nl/werkplek.ts';
import { formatPhone } from '../../../shared/signup/contact.ts';
import { cancelNoticeText, staffChecks, staffStatusText, waitingLineText } from '../../../shared/signup/staff-text.ts';
import { STAFF_SIGNUP_CANCEL_PATH, STAFF_SIGNUPS_CSV_PATH, STAFF_SIGNUPS_PATH } from '../../../shared/signup/limits.ts';
import type { CancelAnswer, StaffActivity, StaffOption, StaffSignup, StaffSignupsResponse } from '../../../shared/signup/types.ts';
import { saveFile } from '../../lib/download.ts';
import { AccountBar } from '../staff/AccountBar.tsx';
import { StaffGate, type StaffAccess } from '../staff/StaffGate.tsx';

// The staff workspace's strings only, not the whole dictionary.
const t = translator({ ...werkplekStrings, ...aanmeldenStrings });

type Load = { state: 'loading' } | { state: 'error'; message: string } | { state: 'forbidden' } | { state: 'done'; data: StaffSignupsResponse };

const dateTime = (at: number, timeZone: string) => new Date(at).toLocaleString('nl-NL', { dateStyle: 'medium', timeStyle: 'short', timeZone });
const date = (at: number, timeZone: string) => new Date(at).toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone });

export default function SignupsPage({ timeZone }: { timeZone: string }) {
  return <StaffGate title={t('aanmeldingen.login')}>{(access) => <Signups access={access} timeZone={timeZone} />}</StaffGate>;
}

function Signups({ access, timeZone }: { access: StaffAccess; timeZone: string }) {
  const { session } = access;
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => noticeRef.current?.focus(), [notice]);
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

  const cancel = async (s: StaffSignup) => {
    const res = await fetch(STAFF_SIGNUP_CANCEL_PATH, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ id: s.id }),
    }).catch(() => null);
    const body = (await res?.json().catch(() => null)) as ({ ok: true } & CancelAnswer) | { ok: false; error: string } | null;
    if (res?.status === 401) {
      access.onExpired(body && !body.ok ? body.error : '');
      return;
    }
    if (!body?.ok) setNotice({ text: body?.error ?? t('aanmeldingen.cancelError'), error: true });
    else setNotice({ text: cancelNoticeText(s.name, body), error: false });
    await fetchList();
  };

  return (
    <div class="signups">
      <AccountBar name={session.name} role={session.role} onLogout={() => access.onLogout()} />
      {notice && (
        <p ref={noticeRef} tabindex={-1} role={notice.error ? 'alert' : 'status'} class={`signups__notice${notice.error ? ' signups__notice--error' : ''}`}>
          {notice.text}
        </p>
      )}
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
              {a.options.every((o) => o.signups.length === 0) ? (
                a.options.length === 0 && <p>{t('aanmeldingen.noneYet')}</p>
              ) : (
                <p class="signups__meta">
                  {t('aanmeldingen.deleteAt', { date: date(a.deleteAt, timeZone) })}{' '}
                  <button type="button" class="button button--secondary" aria-label={`${t('aanmeldingen.csv')}: ${a.title}`} onClick={() => void download(a)}>
                    {t('aanmeldingen.csv')}
                  </button>
                </p>
              )}
              {a.options.map((o) => (
                <OptionTable option={o} activityId={a.id} timeZone={timeZone} onCancel={cancel} key={o.key} />
              ))}
            </section>
          ))}
        </>
      )}
    </div>
  );
}

interface OptionTableProps {
  option: StaffOption;
  activityId: string;
  timeZone: string;
  onCancel: (s: StaffSignup) => Promise<void>;
}

const cancelButtonId = (s: StaffSignup) => `afmelden-${s.id}`;

function OptionTable({ option: o, activityId, timeZone, onCancel }: OptionTableProps) {
  const id = `opt-${activityId}-${o.key.replace(/[^a-z0-9]/gi, '')}`;
  // The sign-up whose "Afmelden" was pressed: the question goes below the table, outside its scroll
  // box, so it is read whole on a 320 px screen.
  const [asking, setAsking] = useState<StaffSignup | null>(null);
  const used =
    o.places === null ? t('aanmeldingen.placesUnlimited', { used: o.placedPeople }) : t('aanmeldingen.places', { used: o.placedPeople, places: o.places });
  const close = (s: StaffSignup) => {
    setAsking(null);
    // Back to the row's own button (it is still there after "Nee").
    requestAnimationFrame(() => document.getElementById(cancelButtonId(s))?.focus());
  };
  return (
    <div class="signups__option">
      <h3 id={id}>{o.label}</h3>
      {o.signups.length === 0 ? (
        <p>{t('aanmeldingen.noneYet')}</p>
      ) : (
        <>
          <p>
            <strong>{used}</strong>
            {o.waitingPeople > 0 && <>. {waitingLineText(o.waitingPeople, o.signups.filter((x) => x.status === 'waiting').length)}</>}
          </p>
          {/* Focusable, so a keyboard user can scroll it when it is wider than a phone. */}
          <div class="signups__scroll" role="region" aria-labelledby={`act-${activityId} ${id}`} tabindex={0}>
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
                  <th scope="col">
                    <span class="visually-hidden">{t('aanmeldingen.cancel')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {o.signups.map((s) => (
                  <SignupRow signup={s} timeZone={timeZone} onAsk={() => setAsking(s)} key={s.id} />
                ))}
              </tbody>
            </table>
          </div>
          {asking && (
            <CancelConfirm
              signup={asking}
              onNo={() => close(asking)}
              onYes={async () => {
                await onCancel(asking);
                setAsking(null);
              }}
            />
          )}
        </>
      )}
    </div>
  );
}

function SignupRow({ signup: s, timeZone, onAsk }: { signup: StaffSignup; timeZone: string; onAsk: () => void }) {
  const checks = staffChecks(s);
  return (
    <tr class={s.status === 'waiting' ? 'signups__waiting' : s.promotedAt ? 'signups__promoted' : undefined}>
      <td>
        {s.promotedAt !== undefined && s.status === 'placed' ? (
          <>
            {t('aanmeldingen.status.placed')} <strong class="signups__badge">{t('aanmeldingen.promoted')}</strong>
          </>
        ) : (
          staffStatusText(s)
        )}
      </td>
      <td>
        {s.name}
        {checks.map((c) => (
          <strong class="signups__check" key={c}>
            {c}
          </strong>
        ))}
      </td>
      <td class="signups__nowrap">{s.phone ? <a href={`tel:${s.phone}`}>{formatPhone(s.phone)}</a> : ''}</td>
      <td>{s.email ? <a href={`mailto:${s.email}`}>{s.email}</a> : ''}</td>
      <td>{s.people}</td>
      <td class="signups__question">{s.question ?? ''}</td>
      <td class="signups__nowrap">{dateTime(s.createdAt, timeZone)}</td>
      <td>
        <button
          type="button"
          id={cancelButtonId(s)}
          class="button button--secondary signups__cancel"
          aria-label={`${t('aanmeldingen.cancel')}: ${s.name}`}
          onClick={onAsk}
        >
          {t('aanmeldingen.cancel')}
        </button>
      </td>
    </tr>
  );
}

/**
 * "Lies (2 personen) afmelden?" below the table: "Nee, laten staan" gets the focus (the safe choice),
 * Escape says no, and "Ja, afmelden" cancels. Keyboard only works throughout.
 */
function CancelConfirm({ signup: s, onNo, onYes }: { signup: StaffSignup; onNo: () => void; onYes: () => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const noRef = useRef<HTMLButtonElement>(null);
  useEffect(() => noRef.current?.focus(), [s.id]);
  const escape = (e: KeyboardEvent) => {
    if (e.key === 'Escape') onNo();
  };
  const people = s.people === 1 ? t('act.signup.people.one') : t('act.signup.people.many', { n: s.people });
  return (
    <div class="signups__confirm" role="group" aria-label={t('aanmeldingen.cancelLabel', { name: s.name })}>
      <p>{t('aanmeldingen.cancelConfirm', { name: s.name, people })}</p>
      <button
        type="button"
        class="button"
        disabled={busy}
        onKeyDown={escape}
        onClick={() => {
          setBusy(true);
          void onYes().finally(() => setBusy(false));
        }}
      >
        {t('aanmeldingen.cancelYes')}
      </button>{' '}
      <button type="button" class="button button--secondary" ref={noRef} onKeyDown={escape} onClick={onNo}>
        {t('aanmeldingen.cancelNo')}
      </button>
    </div>
  );
}
