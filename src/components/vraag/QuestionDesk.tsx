import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from './desk-strings.ts';
import { STAFF_ACTION_PATHS } from '../../../shared/vraag/limits.ts';
import type { QuestionDetail, QuestionSummary, ReviewedAnswer } from '../../../shared/vraag/types.ts';
import type { StaffSession } from '../../lib/staff-session.ts';
import { AccountBar } from '../staff/AccountBar.tsx';
import { StaffGate, type StaffAccess } from '../staff/StaffGate.tsx';
import { AnswerPanel } from './AnswerPanel.tsx';
import type { KaartCard } from '../../lib/kaart-card.ts';
import { fetchQuestionList, postJson, type LineInfo } from './api.ts';
import { QuestionQueue } from './QuestionQueue.tsx';
import { ReviewedAnswers, reviewedNotice } from './ReviewedAnswers.tsx';

interface Props {
  kaart: KaartCard[];
  lines: LineInfo[];
  timeZone: string;
}

/** How often the queue is fetched again while the page is open. */
const REFRESH_MS = 20_000;

/** The counsellors' "Vragen" page behind the one staff login (shared with the console and the figures). */
export function QuestionDesk(props: Props) {
  return <StaffGate page="vragen">{(access) => <Desk {...props} {...access} />}</StaffGate>;
}

/**
 * The queue of anonymous questions and the answer panel. New flagged questions are announced in a live
 * region here; the console raises the supervisor's alarm for them from the `question:alert` socket event.
 */
function Desk({ kaart, lines, timeZone, session, onExpired, onLogout }: Props & StaffAccess) {
  const [questions, setQuestions] = useState<QuestionSummary[] | null>(null);
  const [open, setOpen] = useState<QuestionDetail | null>(null);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');
  const [now, setNow] = useState(Date.now());
  const seenFlags = useRef<Set<string> | null>(null);
  const [mine, setMine] = useState<ReviewedAnswer[]>([]);
  /** My answers a colleague already sent: a newly sent one is announced once (the list is fetched every 20 s). */
  const seenSent = useRef<Set<string> | null>(null);
  const followedLink = useRef(false);

  const load = async (current: StaffSession = session) => {
    const body = await fetchQuestionList(current.token);
    if (body === 'unauthorized') {
      onExpired(t('console.connection.expired'));
      return;
    }
    if (!body) {
      setError(t('vragen.error.load'));
      return;
    }
    setError('');
    setNow(Date.now());
    setQuestions(body.questions);
    const flagged = body.questions.filter((q) => q.flagged).map((q) => q.id);
    const seen = seenFlags.current;
    if (seen && flagged.some((id) => !seen.has(id))) setNotice(t('vragen.alert'));
    seenFlags.current = new Set(flagged);
    setMine(body.mine);
    const sent = body.mine.filter((m) => m.state === 'sent');
    const fresh = seenSent.current && sent.find((m) => !seenSent.current?.has(m.questionId));
    if (fresh) setNotice(reviewedNotice(fresh));
    seenSent.current = new Set(sent.map((m) => m.questionId));
  };

  useEffect(() => {
    void load(session);
    const timer = setInterval(() => void load(session), REFRESH_MS);
    return () => clearInterval(timer);
  }, [session.token]);

  // Arrived from the console's alarm (…/vragen/#vraag-<id>): put the keyboard on that question's button.
  useEffect(() => {
    if (!questions || followedLink.current) return;
    followedLink.current = true;
    const row = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    row?.querySelector('button')?.focus();
    row?.scrollIntoView({ block: 'center' });
  }, [questions]);

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

  return (
    <div class="vragen-desk">
      <AccountBar name={session.name} role={session.role} onLogout={onLogout} />
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
        <ReviewedAnswers answers={mine} timeZone={timeZone} />
      </div>
    </div>
  );
}
