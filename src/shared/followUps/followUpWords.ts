import type { Language } from '../model'
import type { CareKind, FollowUpReason, GeneratedTitle } from './followUp'

/**
 * Names of follow-up reasons and the six kinds of care, in both interface languages. Shared so
 * the interface and the calendar export (written in the core) word them the same way.
 */
export const followUpWords: Record<
  Language,
  {
    reason: Record<FollowUpReason, string>
    care: Record<CareKind, string>
    generatedTitle: Record<GeneratedTitle, string>
  }
> = {
  en: {
    generatedTitle: {
      afterMeeting: 'Thank and follow up',
      cadence: 'Keep in touch',
      importantDate: 'Important date',
    },
    reason: {
      afterMeeting: 'After meeting',
      promise: 'Promise',
      secondMeeting: 'Second meeting',
      cadence: 'Keep in touch',
      importantDate: 'Important date',
      custom: 'Follow-up',
    },
    care: {
      appreciate: 'Appreciate',
      share: 'Share',
      company: 'Keep company',
      recommend: 'Recommend',
      support: 'Support',
      protect: 'Protect',
    },
  },
  'zh-CN': {
    generatedTitle: {
      afterMeeting: '道谢并跟进',
      cadence: '保持联系',
      importantDate: '重要日子',
    },
    reason: {
      afterMeeting: '见面后',
      promise: '承诺',
      secondMeeting: '再次见面',
      cadence: '保持联系',
      importantDate: '重要日子',
      custom: '跟进',
    },
    care: {
      appreciate: '欣赏',
      share: '分享',
      company: '陪伴',
      recommend: '推荐',
      support: '支持',
      protect: '保护',
    },
  },
}

/**
 * A follow-up's title in the interface language: titles Rapport made are stored as their kind and
 * worded when shown, so switching language rewords them everywhere (queue, card, tray, calendar);
 * titles the user typed are shown as typed.
 */
export function followUpTitle(
  followUp: { title: string; titleKind?: GeneratedTitle | undefined },
  language: Language,
): string {
  return followUp.titleKind
    ? followUpWords[language].generatedTitle[followUp.titleKind]
    : followUp.title
}
