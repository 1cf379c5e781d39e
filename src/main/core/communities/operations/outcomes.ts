import type { GatheringView } from '../../../../shared/communities/communityOperations'
import type { ParsedInputOf } from '../../../../shared/contract'
import { ME_ID } from '../../../../shared/model'
import { nextTimestamp } from '../../clock'
import { createRecord } from '../../store/createRecord'
import { invalid, namesOf, pairKey, type WritingDeps } from './communityRecords'
import { changeGathering } from './gatheringView'

/**
 * What came of a gathering: guests who connected become relationships (once), and each second
 * meeting planned gets a follow-up a week later.
 */
export function recordOutcomes(
  deps: WritingDeps,
  input: ParsedInputOf<'gatherings.recordOutcomes'>,
): Promise<GatheringView> {
  const { clock, language } = deps
  return changeGathering(deps, input.id, (tx, current) => {
    const guests = new Set(current.attendees.map((a) => a.contactId))
    const check = (pairs: [string, string][], path: string, allowMe: boolean) =>
      pairs.forEach(([a, b], i) => {
        if (a === b) throw invalid(`${path}.${i}`, 'a pair needs two different people')
        for (const id of [a, b])
          if (!guests.has(id) && !(allowMe && id === ME_ID))
            throw invalid(`${path}.${i}`, `${id} is not a guest of this gathering`)
      })
    check(input.connectedPairs, 'connectedPairs', false)
    check(input.secondMeetings, 'secondMeetings', true)
    const unique = (pairs: [string, string][]) => [
      ...new Map(pairs.map((p) => [pairKey(p), p])).values(),
    ]
    const connectedPairs = unique(input.connectedPairs)
    const secondMeetings = unique(input.secondMeetings)

    const now = nextTimestamp(clock)
    const zh = language() === 'zh-CN'
    const had = new Set(current.outcomes.connectedPairs.map(pairKey))
    for (const [a, b] of connectedPairs) {
      if (had.has(pairKey([a, b]))) continue
      const related = tx.data.relationships.some(
        (r) => (r.fromId === a && r.toId === b) || (r.fromId === b && r.toId === a),
      )
      if (related) continue
      const note = zh ? `在「${current.title}」上认识` : `Met at ${current.title}`
      createRecord(
        tx,
        clock,
        'relationships',
        { fromId: a, toId: b, kind: 'knows', note: note.slice(0, 200) },
        now,
      )
    }
    const hadMeetings = new Set(current.outcomes.secondMeetings.map(pairKey))
    // A week after the gathering (or from now, if recorded late) to ask how it went.
    const due = new Date(
      Math.max(Date.parse(current.startsAt), clock.now().getTime()) + 7 * 86_400_000,
    ).toISOString()
    for (const pair of secondMeetings) {
      if (hadMeetings.has(pairKey(pair))) continue
      const withMe = pair.includes(ME_ID)
      const [contactId, other] = pair[0] === ME_ID ? [pair[1], pair[0]] : pair
      const n = namesOf(tx, [contactId, other])
      const title = withMe
        ? zh
          ? `和${n[contactId] ?? ''}第二次见面`
          : `Second meeting with ${n[contactId] ?? ''}`
        : zh
          ? `问问${n[contactId] ?? ''}和${n[other] ?? ''}第二次见面怎么样`
          : `Ask how ${n[contactId] ?? ''} and ${n[other] ?? ''}'s second meeting went`
      createRecord(
        tx,
        clock,
        'followUps',
        {
          contactId,
          title: title.slice(0, 200),
          dueAt: due,
          reason: 'secondMeeting',
          notes: current.title,
        },
        now,
      )
    }
    return { outcomes: { connectedPairs, secondMeetings, notes: input.notes } }
  })
}
