/**
 * The before / during / after checklists, in Rapport's own words after the method. Only ids live
 * here; the interface words them in both languages (events.checklist.<id>). An event keeps the
 * ids of the items ticked for it.
 */
export const CHECKLIST = {
  before: ['why', 'targets', 'research', 'offer', 'intro', 'dossier', 'logistics', 'cards'],
  during: ['early', 'dress', 'core', 'spots', 'help', 'seed'],
  after: ['cards', 'followUp24', 'promises', 'secondMeeting', 'stages'],
} as const

export type ChecklistPhase = keyof typeof CHECKLIST
export const checklistIds: string[] = Object.entries(CHECKLIST).flatMap(([phase, ids]) =>
  ids.map((id) => `${phase}.${id}`),
)

/** The method's target list: ten people. */
export const TARGET_LIST_SIZE = 10

/**
 * Items Rapport can see are done without being told: ten targets ranked, every person met
 * followed up within 24 hours. (Printing or saving the dossier ticks its item when it happens.)
 */
export function checklistKnownDone(state: {
  targets: number
  followedUpWithin24h: { done: number; total: number }
}): string[] {
  const done: string[] = []
  if (state.targets >= TARGET_LIST_SIZE) done.push('before.targets')
  const { done: followed, total } = state.followedUpWithin24h
  if (total > 0 && followed === total) done.push('after.followUp24')
  return done
}
