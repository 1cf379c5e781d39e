import type { Language, Tier } from '../model'

/**
 * What sync writes for the phone, in the interface language: the readable NOTE of a contact (the
 * dossier at the door) and the circle as a category. Kept with the feature so core and interface
 * word it the same way.
 */
export const syncWords: Record<
  Language,
  {
    note: {
      whatTheyDo: string
      challenges: string
      canOffer: string
      seed: string
      lastMet: string
      notes: string
    }
    /** A category per golden-circle tier; `outside` writes none. */
    tier: Record<Exclude<Tier, 'outside'>, string>
    /** Separator between a label and its text. */
    colon: string
  }
> = {
  en: {
    note: {
      whatTheyDo: 'What they do',
      challenges: 'Current challenge',
      canOffer: 'What I can offer',
      seed: 'The seed',
      lastMet: 'Last met',
      notes: 'Notes',
    },
    tier: {
      life: 'Golden circle: life friend',
      close: 'Golden circle: close friend',
      good: 'Golden circle: good friend',
    },
    colon: ': ',
  },
  'zh-CN': {
    note: {
      whatTheyDo: '在做什么',
      challenges: '眼下的难题',
      canOffer: '我能提供的帮助',
      seed: '种子',
      lastMet: '上次见面',
      notes: '备注',
    },
    tier: {
      life: '黄金圈：一生的朋友',
      close: '黄金圈：亲密朋友',
      good: '黄金圈：好朋友',
    },
    colon: '：',
  },
}

/** Every category sync writes for a tier, in either language: read back, they are not tags. */
export const tierCategories: ReadonlyMap<string, Tier> = new Map(
  Object.values(syncWords).flatMap((words) =>
    Object.entries(words.tier).map(([tier, label]) => [label, tier as Tier] as const),
  ),
)
