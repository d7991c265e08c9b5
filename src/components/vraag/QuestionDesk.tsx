import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../../shared/i18n/nl.ts';
import { STAFF_ACTION_PATHS, STAFF_QUESTIONS_PATH } from '../../../shared/vraag/limits.ts';
import type { QuestionDetail, QuestionSummary, StaffQuestionList } from '../../../shared/vraag/types.ts';
import { clearStaffSession, readStaffSession, staffLogout, type StaffSession } from '../../lib/staff-session.ts';
import { AnswerPanel } from './AnswerPanel.tsx';
import type { KaartCard } from '../../lib/kaart-card.ts';
import { postJson, type LineInfo } from './api.ts';
import { QuestionQueue } from './QuestionQueue.tsx';
import { StaffLogin } from './StaffLogin.tsx';

interface Props {
  kaart: KaartCard[];
  lines: LineInfo[];
  timeZone: string;
}

/** How often the queue is fetched again while the page is open. */
const REFRESH_MS = 20_000;

/**
 * The counsellors' "Vragen" page: the queue of anonymous questions and the answer panel. Uses the chat's
 * staff login (token in this tab only). New flagged questions are announced in a live region; the console
 * can also listen for the `question:alert` socket event.
 */
export function QuestionDesk({ kaart, lines, timeZone }: Props) {
  const [session, setSession] = useState<StaffSession | null>(null);
  const [questions, setQuestions] = useState<QuestionSummary[] | null>(null);
  const [open, setOpen] = useState<QuestionDetail | null>(null);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');
  const [now, setNow] = useState(Date.now());
  const seenFlags = useRef<Set<string> | null>(null);

  useEffect(() => setSession(readStaffSession()), []);

  const load = async (current: StaffSession | null = session) => {
    if (!current) return;
    const res = await fetch(STAFF_QUESTIONS_PATH, { headers: { Authorization: `Bearer ${current.token}` }, cache: 'no-store', credentials: 'omit' }).catch(() => null);
    if (res?.status === 401) {
      clearStaffSession();
      setSession(null);
      return;
    }
    const body = res?.ok ? ((await res.json()) as StaffQuestionList) : null;
    if (!body) return setError(t('vragen.error.load'));
    setError('');
    setNow(Date.now());
    setQuestions(body.questions);
    const flagged = body.questions.filter((q) => q.flagged).map((q) => q.id);
    if (seenFlags.current && flagged.some((id) => !seenFlags.current!.has(id))) setNotice(t('vragen.alert'));
    seenFlags.current = new Set(flagged);
  };

  useEffect(() => {
    if (!session) return;
    void load(session);
    const timer = setInterval(() => void load(session), REFRESH_MS);
    return () => clearInterval(timer);
  }, [session]);

  if (!session) return <StaffLogin onLogin={setSession} />;

  const openQuestion = async (q: QuestionSummary) => {
    const path = q.status === 'open' ? STAFF_ACTION_PATHS.claim : STAFF_ACTION_PATHS.read;
    const response = await postJson<{ ok: true; question: QuestionDetail }>(path, { id: q.id }, session.token);
    if (response.ok) {
      setOpen(response.question);
      setNotice('');
    } else setError(response.error);
    void load();
  };

  const done = (message: string) => {
    setOpen(null);
    setNotice(message);
    void load();
  };

  const logout = () => {
    void staffLogout(session.token);
    clearStaffSession();
    setSession(null);
    setQuestions(null);
    setOpen(null);
  };

  return (
    <div class="vragen-desk">
      <p class="vragen-bar">
        <span>{session.name}</span>
        <button type="button" class="button button--secondary" onClick={logout}>
          {t('console.logout')}
        </button>
      </p>
      <p class="vragen-notice" role="status">
        {notice}
      </p>
      {error && (
        <p class="vraag-field__error" role="alert">
          {error}
        </p>
      )}
      <div class="vragen-desk__grid">
        <section aria-labelledby="vragen-wachtrij">
          <h2 id="vragen-wachtrij">{t('vragen.queue.title')}</h2>
          <p>
            <button type="button" class="button button--secondary" onClick={() => void load()}>
              {t('vragen.queue.refresh')}
            </button>
          </p>
          {questions && <QuestionQueue questions={questions} me={session.name} now={now} timeZone={timeZone} onOpen={(q) => void openQuestion(q)} />}
        </section>
        {open && (
          <AnswerPanel
            question={open}
            me={session.name}
            token={session.token}
            kaart={kaart}
            lines={lines}
            timeZone={timeZone}
            onDone={done}
            onChanged={(q) => {
              setOpen(q);
              void load();
            }}
          />
        )}
      </div>
    </div>
  );
}
