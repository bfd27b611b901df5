/** A conversation's start: what it is about, how it goes (read, listen, no fixing, Pass, stop any time). */
import type { RefObject } from 'preact';
import { useServices } from '../platform/services';
import type { Talk } from './talks';

export function TalkStart({
  talk,
  focusTarget,
  onStart,
  onList,
}: {
  talk: Talk;
  focusTarget: RefObject<HTMLHeadingElement>;
  onStart: () => void;
  onList: () => void;
}) {
  const { t } = useServices();
  return (
    <main class="page talk" key="start">
      <header>
        <p class="eyebrow">{t('talkPageTitle')}</p>
        <h1 ref={focusTarget} tabIndex={-1}>
          {talk.title}
        </h1>
        <p class="muted">{talk.why}</p>
        <p class="talk-meta">{t('aboutMinutes', String(talk.minutes))}</p>
      </header>
      <section class="talk-rules" aria-labelledby="rules-heading">
        <h2 id="rules-heading">{t(talk.forOne ? 'talkRulesHeadingOne' : 'talkRulesHeading')}</h2>
        {talk.forOne ? (
          <ul>
            <li>{t('talkRuleAlone')}</li>
            <li>{t('talkRuleNoRightAnswer')}</li>
            <li>{t('talkRulePassOne')}</li>
            <li>{t('talkRuleStopOne')}</li>
          </ul>
        ) : (
          <ul>
            <li>{t('talkRuleRead')}</li>
            <li>{t('talkRuleListen')}</li>
            <li>{t('talkRuleNoFixing')}</li>
            <li>{t('talkRulePass')}</li>
            <li>{t('talkRuleStop')}</li>
          </ul>
        )}
      </section>
      <div class="talk-actions">
        <button type="button" class="primary" onClick={onStart}>
          {t('talkStart')}
        </button>
        <button type="button" class="ghost" onClick={onList}>
          {t('talkAllConversations')}
        </button>
      </div>
    </main>
  );
}
