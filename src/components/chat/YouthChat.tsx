import { useEffect, useState } from 'preact/hooks';
import { t } from './strings.ts';
import { downloadText, transcriptFilename, transcriptText } from '../../lib/chat-transcript.ts';
import { YouthConversation } from './YouthConversation.tsx';
import { YouthEnded } from './YouthEnded.tsx';
import { YouthIntro } from './YouthIntro.tsx';
import { ReconnectBanner, YouthQueue } from './YouthQueue.tsx';
import { YouthStatus } from './YouthStatus.tsx';
import type { LineInfo } from './types.ts';
import type { WaitingReading } from '../../lib/waiting-articles.ts';
import { useYouthChat } from './useYouthChat.ts';

interface Props {
  lines: LineInfo[];
  cjgName: string;
  timeZone: string;
  /** Weekly opening hours in words, from the opening-hours engine. */
  hours: string[];
  /** Articles to read while waiting, chosen at build time per topic. */
  reading: WaitingReading;
}

/**
 * The young person's side of the chat: one screen per phase of the state machine in
 * `useYouthChat`. Every state shows where to go now if the chat cannot help.
 */
export default function YouthChat({ lines, cjgName, timeZone, hours, reading }: Props) {
  const chat = useYouthChat();
  const [saved, setSaved] = useState(false);
  const { phase } = chat;
  // A new chat starts with nothing saved yet.
  useEffect(() => {
    if (phase.kind === 'intro') setSaved(false);
  }, [phase.kind]);

  const save = () => {
    const now = Date.now();
    const transcript = transcriptText(
      chat.lines
        .filter((l) => !l.pending)
        .map((l) => ({
          who: l.from === 'youth' ? t('chat.you') : l.from === 'notice' ? t('chat.system') : (l.name ?? t('chat.counsellorFallback')),
          text: l.text,
          at: l.at,
        })),
      { cjgName, now, timeZone },
    );
    downloadText(transcript, transcriptFilename(now, timeZone));
    setSaved(true);
  };
  const saveButton =
    chat.lines.length > 0 ? (
      <button type="button" class="button button--secondary" onClick={save}>
        {t('chat.save')}
      </button>
    ) : null;
  const live = (
    <p class="visually-hidden" role="status" aria-live="polite">
      {chat.announcement}
    </p>
  );
  const shared = { chat, live, saveButton, saved, lines, timeZone };

  switch (phase.kind) {
    case 'loading':
      return (
        <div class="chat-panel" aria-busy={chat.refusal ? undefined : 'true'}>
          <p>{t('chat.loading')}</p>
          <ReconnectBanner chat={chat} lines={lines} />
        </div>
      );
    case 'closed':
    case 'busy':
    case 'unavailable':
    case 'blocked':
      return <YouthStatus phase={phase} chat={chat} live={live} lines={lines} hours={hours} />;
    case 'intro':
      return <YouthIntro chat={chat} live={live} lines={lines} />;
    case 'queued':
      return <YouthQueue phase={phase} reading={reading} {...shared} />;
    case 'chatting':
      return <YouthConversation {...shared} />;
    case 'ended':
      return <YouthEnded phase={phase} {...shared} />;
  }
}
