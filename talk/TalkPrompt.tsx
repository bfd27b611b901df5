/** One prompt at a time, taking turns, with Back, Pass and Next; then the closing words. */
import type { RefObject } from 'preact';
import { useServices } from '../platform/services';
import { atClosing, firstSpeaker, talkProgress, type TalkFlow, type TalkMove } from './talk-flow';
import type { Talk } from './talks';

export function TalkPrompt({
  talk,
  flow,
  focusTarget,
  move,
  passed = false,
  onList,
  onToday,
}: {
  talk: Talk;
  flow: TalkFlow;
  focusTarget: RefObject<HTMLHeadingElement>;
  move: (change: TalkMove) => void;
  /** The last move was Pass. */
  passed?: boolean;
  onList: () => void;
  onToday: () => void;
}) {
  const { t } = useServices();
  if (atClosing(flow)) {
    return (
      <main class="page talk" key="closing">
        <header>
          <p class="eyebrow">{t('talkPageTitle')}</p>
          <h1>{talk.title}</h1>
          <p class="talk-progress" role="status">
            {t('talkClosingHeading')}
          </p>
        </header>
        <h2 class="talk-prompt talk-closing" ref={focusTarget} tabIndex={-1}>
          {talk.closing}
        </h2>
        <p class="muted">{t(talk.forOne ? 'talkThanksOne' : 'talkThanks')}</p>
        <div class="talk-actions">
          <button type="button" class="primary" onClick={onToday}>
            {t('talkBackToIdea')}
          </button>
          <button type="button" class="ghost" onClick={onList}>
            {t('talkAllConversations')}
          </button>
          <button type="button" class="ghost" onClick={() => move('back')}>
            {t('talkBack')}
          </button>
        </div>
      </main>
    );
  }
  const progress = talkProgress(flow);
  return (
    <main class="page talk" key="prompt">
      <header>
        <p class="eyebrow">{t('talkPageTitle')}</p>
        <h1>{talk.title}</h1>
        <p class="talk-progress" role="status">
          {progress && t('talkProgress', [String(progress.current), String(progress.total)])}
        </p>
      </header>
      {/* Taking turns is for two; a conversation for one has no one to hand over to. */}
      {!talk.forOne && (
        <p id="who-first" class="talk-who">
          {t(firstSpeaker(flow.step) === 'reader' ? 'talkReaderFirst' : 'talkOtherFirst')}
        </p>
      )}
      <h2 key={flow.step} class="talk-prompt" ref={focusTarget} tabIndex={-1} aria-describedby={talk.forOne ? undefined : 'who-first'}>
        {talk.prompts[flow.step]}
      </h2>
      <div class="talk-actions talk-moves" role="group" aria-label={t('talkControls')}>
        <button type="button" onClick={() => move('back')}>
          <span aria-hidden="true">← </span>
          {t('talkBack')}
        </button>
        <button type="button" onClick={() => move('pass')}>
          {t('talkPass')}
        </button>
        <button type="button" class="primary" onClick={() => move('next')}>
          {t('talkNext')}
          <span aria-hidden="true"> →</span>
        </button>
      </div>
      {/* Always in the page, so each Pass is announced (a fresh line per prompt); no judgement in it. */}
      <p class="talk-passed muted small" role="status">
        {passed && <span key={flow.step}>{t('talkPassed')}</span>}
      </p>
      <p class="muted small">{t('talkKeysHint')}</p>
      <p>
        <button type="button" class="ghost" onClick={onList}>
          {t('talkStop')}
        </button>
      </p>
    </main>
  );
}
