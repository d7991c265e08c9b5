import { useEffect, useState } from 'preact/hooks';
import type { QuestionAlert, QuestionSummary, ReviewedAnswer } from '../../../shared/vraag/types.ts';
import { fetchQuestionList } from '../vraag/api.ts';
import { reviewedNotice } from '../vraag/ReviewedAnswers.tsx';

/**
 * The anonymous questions seen from the console: how many wait for someone to pick them up, (for
 * supervisors) which flagged ones need the alarm, and my answers at a second reader. The list is fetched at login, after every reconnect
 * and on `questions:changed`; a `question:alert` is kept even after the question leaves the list, so
 * the alarm stays until someone presses "Gezien".
 */
export function useQuestionWatch(token: string, online: boolean) {
  // null until the first list arrives: no count is better than a wrong 0.
  const [questions, setQuestions] = useState<QuestionSummary[] | null>(null);
  const [live, setLive] = useState<QuestionAlert[]>([]);
  /** My answers at a second reader (waiting or sent), and the last "your answer was sent" for the live region. */
  const [mine, setMine] = useState<ReviewedAnswer[]>([]);
  const [notice, setNotice] = useState('');

  const refresh = async () => {
    const body = await fetchQuestionList(token);
    // A refused login is the socket's to report (session:expired); an unreachable list keeps the last count.
    if (body && body !== 'unauthorized') {
      setQuestions(body.questions);
      setMine(body.mine);
    }
  };

  useEffect(() => {
    if (online) void refresh();
  }, [token, online]);

  const fromList: QuestionAlert[] = (questions ?? [])
    .filter((q) => q.flagged)
    .map((q) => ({ questionId: q.id, reason: q.danger ? 'danger' : 'counsellor', flaggedAt: q.askedAt, topic: q.topic, round: q.round }));
  const alerts = [...live, ...fromList.filter((a) => !live.some((l) => l.questionId === a.questionId && l.round === a.round))];

  return {
    open: questions && questions.filter((q) => q.status === 'open').length,
    alerts,
    refresh,
    mine,
    notice,
    /** A colleague read along and sent my answer: say so now, and show it in the list. */
    onReviewed: (answer: ReviewedAnswer) => {
      setMine((list) => [...list.filter((a) => a.questionId !== answer.questionId), answer]);
      setNotice(reviewedNotice(answer));
      void refresh();
    },
    onAlert: (alert: QuestionAlert) => {
      setLive((list) => [...list.filter((a) => a.questionId !== alert.questionId), alert]);
      void refresh();
    },
  };
}
