import type { Contact, Help, RelationshipKind, Tier } from '../model'
import type { GeneratedTitle } from '../followUps/followUp'

/** What the contact card shows besides the contact itself, all derived from the history. */
export interface CardView {
  contact: Contact
  completeness: { score: number; missing: string[] }
  trust: {
    lengthDays: number | null
    interactions: number
    perMonth: number
    deep: number
    level: 'new' | 'growing' | 'solid' | 'deep'
  }
  /** The tier's keep-in-touch cadence, or the contact's own; null outside the circle. */
  cadenceDays: number | null
  lastContactAt: string | null
  overdue: boolean
  timeline: TimelineEntry[]
  relationships: RelationshipEntry[]
  helps: Help[]
  giveAsk: { given: number; asked: number; ratio: number | null }
  /** Names of the contacts the card refers to (introduced by, mutual acquaintances, edges). */
  names: Record<string, string>
}

/** The four questions of a conversation and its seed, as the user wrote them. */
export interface ConversationAnswers {
  howCanIHelp: string
  theirAdvice: string
  whomShouldTheyMeet: string
  whomShouldIMeet: string
  seed: string
}

export interface TimelineEntry {
  kind: 'encounter' | 'followUp' | 'event' | 'gathering' | 'help' | 'created'
  at: string
  id: string
  title: string
  /** For a follow-up whose title Rapport generated: worded in the interface language. */
  titleKind?: GeneratedTitle
  detail?: string
  /** For a conversation: what was said, shown under it. */
  answers?: ConversationAnswers
}

export interface RelationshipEntry {
  id: string
  kind: RelationshipKind
  /** 'out': this contact → other ("introduced me to other"); 'in': other → this contact. */
  direction: 'out' | 'in'
  otherId: string
  otherName: string
  note: string
}

export interface ContactListItem {
  id: string
  name: string
  organization: string
  role: string
  tier: Tier
  tags: string[]
  reach: string
  photo?: string
  archived: boolean
  completeness: number
  overdue: boolean
  demo?: boolean
}
